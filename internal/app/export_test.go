package app

// TruncatedSTL is truncatedSTL for the external tests of this folder.
var TruncatedSTL = truncatedSTL

package atomicfile

import (
	"context"
	"strings"
	"testing"
)

// BenchmarkWriteSet: one package's four files (lock, fsync of each, the
// journal and the renames), the per-package cost batch pays.
func BenchmarkWriteSet(b *testing.B) {
	dir := b.TempDir()
	body := strings.Repeat("caption text\n", 1000)
	files := []File{
		{Name: "p.srt", Write: content(body)}, {Name: "p.vtt", Write: content(body)},
		{Name: "p.stl", Write: content(body)}, {Name: "p.report.json", Write: content(body)},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WriteSet(context.Background(), dir, "p", files); err != nil {
			b.Fatal(err)
		}
	}
}

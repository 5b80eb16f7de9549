package segment

// Word lists for line breaking, one function per language. Each list names
// the closed-class words that the guide's never-separate pairs are made of
// (determiner + noun, preposition + object, auxiliary + verb, pronoun +
// verb, negation + verb, number + unit) and the words that open a new
// phrase or clause, where a break is natural.

func englishWords() map[wordClass]string {
	return map[wordClass]string{
		wDet: `the a an this these those my your his her its our their some any
			every each no all both either neither another such what whose
			many much more most several few less least enough which that`,
		wPrep: `of in on at for with from by about into onto over under through
			between among after before during without within against across
			around toward towards upon like as than via per since until till
			behind beyond beside besides below above near along inside outside
			despite except off throughout underneath unlike amid`,
		wTo:   `to`,
		wConj: `and or but nor yet so plus then`,
		wSub: `that which who whom whose what when where why how if whether
			because although though while whereas unless until since once
			whenever wherever whatever whoever however`,
		wPronSubj: `i we they he she`,
		wPronObj:  `me us them him`,
		wPronAmb:  `it you her there`,
		wAux: `is are was were be been being am do does did have has had
			will would shall should can could may might must ought`,
		wNeg:  `not never no`,
		wMod:  `very really quite rather too so just even only almost also such pretty`,
		wPart: `up out down away back off`,
		wNum: `one two three four five six seven eight nine ten eleven twelve
			twenty thirty forty fifty hundred thousand million billion trillion`,
		wAdj: `last next first second third other same own whole entire new old
			big small little great good bad best worst real different
			certain whole single main major important young early late
			long short high low large`,
		wCatenative: `want wants wanted trying try tries tried going have has had need
			needs needed used able like likes liked love loves loved began
			begin begins started start starts decided decide seem seems seemed
			ought supposed hope hoped wish plan planned continue continued
			tend tends learn learned refuse refused`,
	}
}

func spanishWords() map[wordClass]string {
	return map[wordClass]string{
		wDet: `el la los las un una unos unas lo este esta estos estas ese esa
			esos esas aquel aquella mi mis tu tus su sus nuestro nuestra
			nuestros nuestras cada todo toda todos todas algún alguna algunos
			algunas ningún ninguna otro otra otros otras mucho mucha muchos
			muchas al del`,
		wPrep: `a ante bajo con contra de desde durante en entre hacia hasta
			mediante para por según sin sobre tras como`,
		wConj:     `y e o u ni pero sino mas`,
		wSub:      `que quien quienes cual cuales cuando donde como porque aunque si mientras pues`,
		wPronSubj: `yo tú él ella nosotros nosotras vosotros ellos ellas usted ustedes`,
		wClitic:   `me te se nos os le les lo la los las`,
		wAux:      `es son era eran fue fueron ser estar está están estaba he has ha hemos han había habían haber va van voy puede pueden debe deben`,
		wNeg:      `no nunca jamás`,
		wMod:      `muy más menos tan bastante demasiado`,
		wNum:      `dos tres cuatro cinco seis siete ocho nueve diez cien mil millón millones`,
	}
}

func frenchWords() map[wordClass]string {
	return map[wordClass]string{
		wDet: `le la les un une des du au aux ce cet cette ces mon ma mes ton ta
			tes son sa ses notre nos votre vos leur leurs chaque tout toute tous
			toutes quelque quelques plusieurs aucun aucune`,
		wPrep: `à de dans en sur sous avec sans pour par chez entre vers contre
			depuis pendant avant après selon malgré parmi comme`,
		wConj:     `et ou mais ni donc or car`,
		wSub:      `que qui quoi dont où quand comme si lorsque puisque parce quoique`,
		wPronSubj: `je j' tu il elle on nous vous ils elles`,
		wClitic:   `me te se lui leur y en`,
		wAux:      `est sont était étaient été être a ai as avons avez ont avait avaient avoir va vais vont peut peuvent doit doivent fait`,
		wNeg:      `ne n' pas jamais plus rien personne`,
		wMod:      `très trop si plus moins assez bien tellement`,
		wNum:      `deux trois quatre cinq six sept huit neuf dix cent cents mille million millions`,
	}
}

func germanWords() map[wordClass]string {
	return map[wordClass]string{
		wDet: `der die das den dem des ein eine einen einem einer eines kein
			keine keinen keinem keiner mein meine meinen meinem meiner dein
			deine sein seine seinen seinem ihr ihre ihren ihrem unser unsere
			euer eure dieser diese dieses diesen diesem jeder jede jedes jeden
			alle viele einige manche`,
		wPrep: `an auf aus bei bis durch für gegen hinter in mit nach neben ohne
			seit über um unter von vor während wegen zu zwischen am im ins
			vom zum zur beim als wie`,
		wConj:     `und oder aber denn sondern doch`,
		wSub:      `dass daß weil wenn als ob obwohl während damit bevor nachdem seit sodass wie wo was wer welche welcher welches deren dessen`,
		wPronSubj: `ich du er sie es wir ihr man`,
		wPronObj:  `mich dich ihn uns euch ihnen mir dir ihm`,
		wAux:      `ist sind war waren bin bist sein habe hat haben hatte hatten wird werden wurde wurden kann können muss müssen soll sollen will wollen darf dürfen möchte`,
		wNeg:      `nicht nie niemals`,
		wMod:      `sehr zu so ganz ziemlich besonders`,
		wNum:      `zwei drei vier fünf sechs sieben acht neun zehn hundert tausend million millionen milliarden`,
	}
}

func italianWords() map[wordClass]string {
	return map[wordClass]string{
		wDet: `il lo la i gli le un uno una questo questa questi queste quel
			quella quelli quelle mio mia miei mie tuo tua suo sua suoi sue
			nostro nostra ogni ciascun tutto tutta tutti tutte al allo alla ai
			agli alle del dello della dei degli delle nel nello nella nei negli
			nelle sul sulla sui sulle dal dalla dai dalle`,
		wPrep:     `di a da in con su per tra fra senza verso contro dopo prima durante come`,
		wConj:     `e ed o od ma né però quindi`,
		wSub:      `che chi cui quale quali quando dove come perché se mentre sebbene benché`,
		wPronSubj: `io tu lui lei noi voi loro`,
		wClitic:   `mi ti si ci vi ne lo la li le gli`,
		wAux:      `è sono era erano stato essere ho hai ha abbiamo avete hanno aveva avere può possono deve devono`,
		wNeg:      `non mai`,
		wMod:      `molto troppo più meno così tanto`,
		wNum:      `due tre quattro cinque sei sette otto nove dieci cento mille milione milioni`,
	}
}

func portugueseWords() map[wordClass]string {
	return map[wordClass]string{
		wDet: `o a os as um uma uns umas este esta estes estas esse essa esses
			essas aquele aquela meu minha meus minhas teu tua seu sua seus suas
			nosso nossa cada todo toda todos todas outro outra ao aos à às do da
			dos das no na nos nas num numa pelo pela pelos pelas`,
		wPrep:     `de em por para com sem sobre entre até desde contra durante após ante sob como`,
		wConj:     `e ou mas nem porém`,
		wSub:      `que quem qual quais quando onde como porque embora se enquanto`,
		wPronSubj: `eu tu ele ela nós vós eles elas você vocês`,
		wClitic:   `me te se lhe lhes nos vos`,
		wAux:      `é são era eram foi foram ser estar está estão estava tenho tem temos têm tinha ter vai vão pode podem deve devem`,
		wNeg:      `não nunca jamais`,
		wMod:      `muito mais menos tão bastante demais`,
		wNum:      `dois duas três quatro cinco seis sete oito nove dez cem mil milhão milhões`,
	}
}

func russianWords() map[wordClass]string {
	return map[wordClass]string{
		wDet: `этот эта это эти тот та то те мой моя моё мои твой твоя наш наша
			наше наши ваш ваша его её их свой своя своё свои каждый каждая
			весь вся всё все какой какая какие такой такая такие`,
		wPrep: `в во на с со к ко по о об обо у от до из из-за из-под за для без
			при про через над под перед между около после вокруг среди ради`,
		wConj:     `и а но или да либо зато`,
		wSub:      `что чтобы если когда потому поэтому так как который которая которое которые где куда откуда почему хотя пока ведь`,
		wPronSubj: `я ты он она оно мы вы они`,
		wPronObj:  `меня тебя его её нас вас их мне тебе ему ей нам вам им`,
		wAux:      `был была было были будет будут буду быть есть может могут можно нужно надо должен должна должны`,
		wNeg:      `не ни нет`,
		wMod:      `очень слишком совсем так более менее самый самая самое самые`,
		wEnclitic: `бы б ли ль же ж то-то`,
		wNum:      `два две три четыре пять шесть семь восемь девять десять сто тысяча тысячи тысяч миллион миллиона миллионов миллиард`,
	}
}

func arabicWords() map[wordClass]string {
	return map[wordClass]string{
		wDet:      `هذا هذه ذلك تلك هؤلاء أولئك كل بعض جميع أي`,
		wPrep:     `في من إلى الى على عن مع حتى منذ عند لدى بين نحو خلال ضد حول بعد قبل فوق تحت أمام وراء دون`,
		wConj:     `و أو ثم لكن بل أم ف`,
		wSub:      `أن إن أنّ إنّ لأن الذي التي الذين اللذان اللتان اللواتي حيث عندما إذا لو كي لكي كما بينما ما`,
		wPronSubj: `أنا نحن أنت أنتم هو هي هم هن`,
		wAux:      `كان كانت كانوا يكون تكون قد سوف ليس ليست`,
		wNeg:      `لا لم لن ليس ما غير`,
		wMod:      `جدا جداً أكثر أقل`,
		wNum:      `اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة مئة مائة ألف مليون مليار`,
	}
}

// englishFixed lists fixed expressions (complex prepositions, quantifiers,
// discourse markers) whose words a break must not separate; every adjacent
// pair of each expression is protected.
const englishFixed = `a lot of, lots of, kind of, sort of, a couple of, a bit of, little bit, part of,
	because of, instead of, out of, in front of, in spite of, on behalf of,
	in terms of, ahead of, according to, due to, thanks to, next to,
	close to, able to, in order to, as well as, each other, one another,
	at least, at all, of course, so that, such as, rather than, more than,
	less than, as if, even if, even though, no longer, right now, so much,
	too much, very much, a few, a little, you know, i mean, thank you,
	as soon as, as long as, as far as, as much as, as many as, at the same time,
	at the end, for example, for instance, in fact, in other words, up to,
	used to, have to, has to, had to, ought to, going to, got to`

// englishAdjEndings mark likely adjectives (and -ly adverbs) of six letters
// or more, which bind to the noun or adjective after them.
const englishAdjEndings = `ous ful ive able ible ical less ary ly`

const spanishFixed = `a pesar de, además de, antes de, después de, a través de, en lugar de,
	sin embargo, por ejemplo, es decir, a partir de, junto a, cerca de, lejos de`

const frenchFixed = `à cause de, grâce à, au lieu de, afin de, avant de, près de, loin de,
	à partir de, par exemple, c'est-à-dire, en train de, il y a, parce que, bien que`

const germanFixed = `zum beispiel, das heißt, im gegensatz, auf grund, an stelle, so dass`

// englishDemonstratives are the determiners that also stand as pronouns.
const englishDemonstratives = `this that these those`

// englishIrregularPast are common irregular past-tense forms and past
// participles (a participle after a noun opens a reduced relative clause:
// "a letter / written by"). As verbs they take a direct object (a noun
// phrase opened by a determiner follows them). Verbs of saying and
// thinking (said, thought, knew, felt) are left out: what follows them is
// as often a clause without "that", where a break is fine.
const englishIrregularPast = `bought brought built caught chose drew drove ate fed
	fought found forgot gave got grew held hid hit kept led left
	lent lost made met paid ran rang sang sold sent saw shook
	showed spent stole struck swept taught told threw took
	won wore wrote
	written drawn given taken known seen done shown chosen broken spoken
	stolen driven grown thrown worn forgotten hidden eaten fallen born begun`

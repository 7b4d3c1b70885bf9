using System;
using System.Collections.Generic;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// The ISO 639-2/T codes eSignet 1.4+ accepts as clientNameLangMap keys: those Java's
    /// <c>Locale.getISO3Language()</c> returns for an available locale (esignet-api.md §2.2). A fixed copy of the
    /// CLDR/ICU language list (both JDK and .NET draw on CLDR), so the rule does not depend on the host's ICU.
    /// Bibliographic variants (fre, ger, chi) are not in it, as they are not in Java's.
    /// </summary>
    internal static class LanguageCodes
    {
        private const string Codes = "afr agq aka amh ara asa asm ast aze bam bas bel bem ben bez bgc bho bod bos bre brx bul cat ccp ceb ces cgg che chr chv ckb cor cym dan dav deu dje doi dsb dua dyo dzo ebu ell eng epo est eus ewe ewo fao fas fil fin fra fry ful fur gla gle glg glv gsw guj guz hau haw heb hin hrv hsb hun hye ibo iii ina ind isl ita ivl jav jgo jmc jpn kab kal kam kan kas kat kaz kde kea kgp khm khq kik kin kir kkj kln kok kor ksb ksf ksh kur lag lao lav lin lit lkt lrc ltz lub lug luo luy mai mal mar mas mer mfe mgh mgo mkd mlg mlt mni mon mri msa mua mya mzn naq nde nep nld nmg nnh nno nob nor nus nyn ori orm oss pan pcm pol por pus que raj rof roh ron run rus rwk sag sah san saq sat sbp seh ses shi sin slk slv sme smn sna snd som spa sqi srd srp sun swa swe tam tat tel teo tgk tha tir ton tuk tur twq tzm uig ukr urd uzb vai vie vun wae wol xho xog yav yid yor yrl yue zgh zho zul";

        public static readonly ISet<string> Known = new HashSet<string>(Codes.Split(' '), StringComparer.Ordinal);

        /// <summary>The bibliographic spellings users type, with the terminology code Java expects.</summary>
        public static readonly IReadOnlyDictionary<string, string> BibliographicToTerminology = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["fre"] = "fra", ["ger"] = "deu", ["chi"] = "zho", ["dut"] = "nld", ["gre"] = "ell", ["per"] = "fas",
            ["arm"] = "hye", ["baq"] = "eus", ["bur"] = "mya", ["cze"] = "ces", ["geo"] = "kat", ["ice"] = "isl",
            ["mac"] = "mkd", ["mao"] = "mri", ["may"] = "msa", ["rum"] = "ron", ["slo"] = "slk", ["alb"] = "sqi",
            ["tib"] = "bod", ["wel"] = "cym",
        };
    }
}

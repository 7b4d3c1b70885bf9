namespace Esignet.Core.Connection
{
    /// <summary>
    /// A release line and how the module knows it: <c>given</c> (parameter or environment variable), <c>detected</c>
    /// by probes (with the evidence), or <c>default</c> (nothing decided; the line that works everywhere).
    /// </summary>
    public sealed class LineFinding<TLine> where TLine : class
    {
        private LineFinding(TLine line, string how, string? range, string evidence)
        {
            Line = line;
            How = how;
            Range = range;
            Evidence = evidence;
        }

        public TLine Line { get; }

        /// <summary>given, detected or default.</summary>
        public string How { get; }

        /// <summary>The narrowest range the probes could tell (e.g. "1.4–1.5"), when it spans more than one line.</summary>
        public string? Range { get; }

        public string Evidence { get; }

        public static LineFinding<TLine> Given(TLine line, string source) => new LineFinding<TLine>(line, "given", null, source);

        public static LineFinding<TLine> Detected(TLine line, string evidence, string? range = null) => new LineFinding<TLine>(line, "detected", range, evidence);

        public static LineFinding<TLine> Default(TLine line, string reason) => new LineFinding<TLine>(line, "default", null, reason);

        /// <summary><paramref name="given"/> when there is one, else <paramref name="fallback"/> as the default for <paramref name="reason"/>.</summary>
        public static LineFinding<TLine> GivenOr(TLine? given, string source, TLine fallback, string reason) => given != null ? Given(given, source) : Default(fallback, reason);

        /// <summary>"given (-ServerVersion)", "detected 1.4–1.5: …", "default: …".</summary>
        public override string ToString() => How switch
        {
            "given" => $"given ({Evidence})",
            "detected" => Range == null ? $"detected: {Evidence}" : $"detected {Range} (using {Line}): {Evidence}",
            _ => $"default: {Evidence}",
        };
    }
}

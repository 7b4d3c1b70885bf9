using System.Reflection;

namespace Esignet.Sandbox.Validation;

/// <summary>Reads the word lists shipped in <c>Data/</c> (one entry per line, <c>#</c> starts a comment line).</summary>
internal static class EmbeddedLists
{
    public static HashSet<string> Load(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Esignet.Sandbox.Data." + fileName)
            ?? throw new InvalidOperationException($"Missing embedded resource {fileName}.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line);
        }
        return set;
    }
}

namespace Esignet.Sandbox.Validation;

/// <summary>
/// The clientNameLangMap key rule of v1.4+ (esignet-api.md §2.2): the key must equal
/// <c>Locale.getISO3Language()</c> of some <c>Locale.getAvailableLocales()</c> entry. The list is OpenJDK 17's
/// (Data/iso639-2-languages.txt); eSignet on another JDK may know a few more or fewer codes.
/// </summary>
public static class LanguageCodes
{
    private static readonly HashSet<string> Codes = EmbeddedLists.Load("iso639-2-languages.txt");

    public static bool IsJvmIso639(string key) => Codes.Contains(key);
}

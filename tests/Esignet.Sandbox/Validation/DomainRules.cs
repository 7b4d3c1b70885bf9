using System.Globalization;
using System.Text.RegularExpressions;

namespace Esignet.Sandbox.Validation;

/// <summary>
/// commons-validator 1.7 <c>DomainValidator.getInstance(allowLocal: true)</c> and <c>InetAddressValidator</c>
/// (esignet-api.md §2.6). The TLD list is the one built into DomainValidator.java@VALIDATOR_1_7 (IANA, 2020), generated
/// into Data/tlds-commons-validator-1.7.txt by tools/server-lists/Update-ServerLists.ps1; the local TLDs are
/// <c>localhost</c> and <c>localdomain</c>, and any single label is accepted as a local host name.
/// </summary>
public static partial class DomainRules
{
    private static readonly HashSet<string> Tlds = EmbeddedLists.Load("tlds-commons-validator-1.7.txt");
    private static readonly IdnMapping Idn = new();

    // DOMAIN_LABEL_REGEX / TOP_LABEL_REGEX / DOMAIN_NAME_REGEX with Java's ASCII \p{Alnum} and \p{Alpha}.
    [GeneratedRegex(@"^(?:[a-zA-Z0-9](?>[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+([a-zA-Z](?>[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)\.?\z")]
    private static partial Regex DomainName();

    [GeneratedRegex(@"^[a-zA-Z0-9](?>[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\z")]
    private static partial Regex SingleLabel();

    [GeneratedRegex(@"^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\z")]
    private static partial Regex Ipv4();

    /// <summary><c>DomainValidator.isValid</c> with local URLs allowed.</summary>
    public static bool IsValidDomain(string? domain)
    {
        if (domain is null) return false;
        domain = UnicodeToAscii(domain);
        if (domain.Length > 253) return false;
        var match = DomainName().Match(domain);
        if (match.Success) return IsValidTld(match.Groups[1].Value);
        return SingleLabel().IsMatch(domain);
    }

    public static bool IsValidTld(string tld)
    {
        var lower = tld.ToLowerInvariant();
        return lower is "localhost" or "localdomain" || Tlds.Contains(lower);
    }

    /// <summary><c>InetAddressValidator.isValidInet4Address</c>: four decimal octets, no leading zeros.</summary>
    public static bool IsValidIpv4(string? text)
    {
        if (text is null) return false;
        var match = Ipv4().Match(text);
        if (!match.Success) return false;
        for (var i = 1; i <= 4; i++)
        {
            var segment = match.Groups[i].Value;
            if (int.Parse(segment, CultureInfo.InvariantCulture) > 255) return false;
            if (segment.Length > 1 && segment[0] == '0') return false;
        }
        return true;
    }

    public static bool IsValidIpv6(string text) =>
        text.Contains(':') && System.Net.IPAddress.TryParse(text, out var a) && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    /// <summary><c>DomainValidator.unicodeToASCII</c>: IDN conversion, input unchanged when it fails.</summary>
    public static string UnicodeToAscii(string input)
    {
        foreach (var c in input)
        {
            if (c > 0x7F)
            {
                try { return Idn.GetAscii(input); }
                catch (ArgumentException) { return input; }
            }
        }
        return input;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// The host rules of Apache commons-validator 1.7, which eSignet 1.2+ applies to redirect URIs through
    /// <c>new UrlValidator(ALLOW_ALL_SCHEMES + ALLOW_LOCAL_URLS)</c> (RedirectURLValidator.java@v1.5.1 ... @v1.8.0):
    /// <c>DomainValidator.getInstance(true)</c> and <c>InetAddressValidator.isValidInet4Address</c>
    /// (DomainValidator.java@VALIDATOR_1_7, InetAddressValidator.java@VALIDATOR_1_7). The TLD list is the library's
    /// own, built in at 2020 (Data/tlds-commons-validator-1.7.txt); a server quirk reproduced, not a judgement on the host.
    /// </summary>
    internal static class CommonsDomainRules
    {
        private static readonly HashSet<string> Tlds = ServerWordList.Load("tlds-commons-validator-1.7.txt");

        // DOMAIN_NAME_REGEX of 1.7: ^(?:DOMAIN_LABEL\.)+(TOP_LABEL)\.?$ with Java's ASCII \p{Alnum} / \p{Alpha}.
        private static readonly Regex DomainName = new Regex(@"^(?:[a-zA-Z0-9](?>[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+([a-zA-Z](?>[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)\.?$", RegexOptions.CultureInvariant);
        private static readonly Regex SingleLabel = new Regex(@"^[a-zA-Z0-9](?>[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$", RegexOptions.CultureInvariant);
        private static readonly Regex Ipv4 = new Regex(@"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$", RegexOptions.CultureInvariant);
        private static readonly IdnMapping Idn = new IdnMapping();

        /// <summary>The hosts' verdict, with the TLD that was refused when the host is a well-formed name.</summary>
        public static bool IsValidDomain(string host, out string? refusedTld)
        {
            refusedTld = null;
            string ascii = UnicodeToAscii(host);
            if (ascii.Length > 253) return false;
            Match m = DomainName.Match(ascii);
            if (m.Success)
            {
                string tld = m.Groups[1].Value.ToLowerInvariant();
                if (tld == "localhost" || tld == "localdomain" || Tlds.Contains(tld)) return true;
                refusedTld = tld;
                return false;
            }

            return SingleLabel.IsMatch(ascii); // ALLOW_LOCAL_URLS: an intranet host name of one label
        }

        /// <summary><c>isValidInet4Address</c>: four decimal octets up to 255, none with a leading zero.</summary>
        public static bool IsValidIpv4(string host, out bool leadingZero)
        {
            leadingZero = false;
            Match m = Ipv4.Match(host);
            if (!m.Success) return false;
            for (int i = 1; i <= 4; i++)
            {
                string octet = m.Groups[i].Value;
                if (int.Parse(octet, CultureInfo.InvariantCulture) > 255) return false;
                if (octet.Length > 1 && octet[0] == '0')
                {
                    leadingZero = true;
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>DomainValidator.unicodeToASCII</c>: java.net.IDN.toASCII works label by label and leaves ASCII labels as
        /// they are; when any label cannot be converted the input is returned unchanged (and the ASCII regexes refuse it).
        /// </summary>
        public static string UnicodeToAscii(string input)
        {
            if (Ascii.IsValid(input)) return input;
            string[] labels = input.Split('.', '\u3002', '\uFF0E', '\uFF61');
            var sb = new StringBuilder();
            for (int i = 0; i < labels.Length; i++)
            {
                if (i > 0) sb.Append('.');
                string label = labels[i];
                if (Ascii.IsValid(label))
                {
                    sb.Append(label);
                    continue;
                }

                try
                {
                    sb.Append(Idn.GetAscii(label));
                }
                catch (ArgumentException)
                {
                    return input;
                }
            }

            return sb.ToString();
        }

        /// <summary>Names no public DNS resolves, the usual reason a TLD is refused: the hint for the user.</summary>
        public static bool IsInternalTld(string tld) =>
            tld == "internal" || tld == "local" || tld == "lan" || tld == "test" || tld == "intranet" || tld == "corp" || tld == "home" || tld == "private" || tld == "svc" || tld == "cluster" || tld == "example" || tld == "invalid";
    }
}

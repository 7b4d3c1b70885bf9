using System.Text.RegularExpressions;

namespace Esignet.Core.Transport
{
    /// <summary>
    /// Removes secrets from any text before it reaches a log, a verbose message or an exception: JWTs (access
    /// tokens, client assertions), bearer/cookie values, client secrets and private JWK members; and escapes control
    /// characters (<see cref="Common.ServerText"/>), since much of that text came from a server.
    /// </summary>
    public static class Redactor
    {
        private static readonly Regex Jwt = new Regex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", RegexOptions.Compiled);
        private static readonly Regex Bearer = new Regex(@"(?i)(bearer|authorization)([""'=:\s]+)[^\s""';,]+", RegexOptions.Compiled);
        private static readonly Regex SecretFields = new Regex(
            @"(?i)(""(?:client_secret|secretKey|access_token|client_assertion|password|d|p|q|dp|dq|qi|k)""\s*:\s*"")[^""]*("")",
            RegexOptions.Compiled);
        private static readonly Regex FormSecrets = new Regex(@"(?i)\b(client_secret|client_assertion|access_token|password)=[^&\s]*", RegexOptions.Compiled);

        public const string Mask = "***";

        public static string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            string s = Common.ServerText.Clean(text)!; // much of what is redacted came from a server
            s = Jwt.Replace(s, Mask);
            s = SecretFields.Replace(s, "$1" + Mask + "$2");
            s = FormSecrets.Replace(s, "$1=" + Mask);
            s = Bearer.Replace(s, "$1$2" + Mask);
            return s;
        }
    }
}

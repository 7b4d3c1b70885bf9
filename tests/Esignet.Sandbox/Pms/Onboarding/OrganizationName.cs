using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// The <c>O=</c> value keymanager compares with the partner's organisation name (KER-PCM-008): the first O RDN as
/// BouncyCastle's <c>IETFUtils.valueToString</c> renders it, i.e. with RFC 4514 specials escaped
/// (PartnerCertificateManagerServiceImpl.java@v1.2.0.1, pms-partner-onboarding.md §4.2 #11). So an organisation
/// named <c>Acme, Inc</c> never matches: the certificate's value reads <c>Acme\, Inc</c>.
/// </summary>
public static class OrganizationName
{
    private const string OrganizationOid = "2.5.4.10";

    public static string? Of(X509Certificate2 certificate)
    {
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == OrganizationOid) return Escape(rdn.GetSingleElementValue() ?? "");
        }
        return null;
    }

    private static string Escape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is ',' or '"' or '\\' or '+' or '=' or '<' or '>' or ';') text.Append('\\');
            text.Append(c);
        }
        var result = text.ToString();
        if (result.StartsWith('#')) result = "\\" + result;
        if (result.StartsWith(' ')) result = "\\" + result;
        if (result.EndsWith(' ')) result = result[..^1] + "\\ ";
        return result;
    }
}

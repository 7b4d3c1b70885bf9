using System;
using Esignet.Core.Connection;
using Esignet.Core.Errors;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Unattended runs: connection settings from environment variables (documented in about_Esignet).
    /// ESIGNET_ACCESS_TOKEN, or ESIGNET_CLIENT_ID + ESIGNET_CLIENT_SECRET with ESIGNET_TOKEN_URI (Keycloak) or
    /// ESIGNET_AUTHMANAGER_URI (+ ESIGNET_APP_ID).
    /// </summary>
    internal sealed class EnvironmentSettings
    {
        public string? Text(string name)
        {
            string? v = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(v) ? null : v!.Trim();
        }

        public Uri? Uri(string name)
        {
            string? v = Text(name);
            if (v == null)
            {
                return null;
            }

            if (!System.Uri.TryCreate(v, UriKind.Absolute, out Uri? uri))
            {
                throw new EsignetException("InvalidServerUri", EsignetErrorKind.InvalidArgument, $"{name}='{v}' is not an absolute URL.");
            }

            return uri;
        }

        public void ApplyCredentials(ConnectionOptions o)
        {
            o.CredentialSource = "none";
            string? token = Text("ESIGNET_ACCESS_TOKEN");
            if (token != null)
            {
                o.AccessToken = token;
                o.CredentialSource = "environment (ESIGNET_ACCESS_TOKEN)";
            }
            else if (Text("ESIGNET_CLIENT_ID") != null)
            {
                o.ClientId = Text("ESIGNET_CLIENT_ID");
                o.ClientSecret = Text("ESIGNET_CLIENT_SECRET");
                o.TokenUri = Uri("ESIGNET_TOKEN_URI");
                o.Scope = Text("ESIGNET_SCOPE");
                o.AuthManagerUri = Uri("ESIGNET_AUTHMANAGER_URI");
                o.AppId = Text("ESIGNET_APP_ID");
                o.CredentialSource = "environment (ESIGNET_CLIENT_ID, ESIGNET_CLIENT_SECRET, " + (o.TokenUri != null ? "ESIGNET_TOKEN_URI" : "ESIGNET_AUTHMANAGER_URI") + ")";
            }

            if (o.EsignetUri == null && o.PmsUri == null)
            {
                throw new EsignetException("NoServer", EsignetErrorKind.InvalidArgument,
                    "Give -Uri (eSignet) and/or -PmsUri (Partner Management), or set ESIGNET_URI / ESIGNET_PMS_URI for unattended runs.");
            }
        }
    }
}

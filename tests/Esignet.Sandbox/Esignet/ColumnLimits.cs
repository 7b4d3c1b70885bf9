using Esignet.Sandbox.Json;
using Esignet.Sandbox.State;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// The <c>client_detail</c> column sizes that can turn a valid request into a database error
/// (esignet-api.md §2.8, [inference]): the name column per line, logo_uri, and from v1.8.0 the list, key and
/// config columns (db_scripts/mosip_esignet/ddl/esignet-client_detail.sql@v1.8.0). Lists are measured as the JSON
/// arrays eSignet stores, written by json-simple (ClientManagementServiceImpl.java@v1.8.0), which escapes "/".
/// </summary>
public static class ColumnLimits
{
    /// <summary>The first column that overflows, as "character varying(N)", or null when the row fits.</summary>
    public static string? FirstOverflow(EsignetClientRecord row, EsignetLine line)
    {
        // PostgreSQL's varchar counts characters (code points), not UTF-16 units.
        if (row.Name.EnumerateRunes().Count() > line.NameColumnLength) return Varchar(line.NameColumnLength);
        if (row.LogoUri.Length > 2048) return Varchar(2048);
        if (!line.HasBoundedListColumns) return null;
        if (Json(row.RedirectUris) > 2048 || Json(row.UserClaims) > 2048) return Varchar(2048);
        if (Json(row.AuthContextRefs) > 1024 || row.PublicKey.Length > 1024 || (row.EncPublicKey?.Length ?? 0) > 1024) return Varchar(1024);
        if (Json(row.GrantTypes) > 512 || Json(row.ClientAuthMethods) > 512) return Varchar(512);
        if ((row.AdditionalConfig?.Length ?? 0) > 2048) return Varchar(2048);
        return null;
    }

    /// <summary>The message Spring/Hibernate would carry for the overflow.</summary>
    public static string Message(string column) =>
        $"could not execute statement; SQL [n/a]; nested exception is org.hibernate.exception.DataException: could not execute statement (ERROR: value too long for type {column})";

    private static string Varchar(int size) => $"character varying({size})";

    private static int Json(IReadOnlyList<string> list) => JsonSimpleWriter.Array(list).Length;
}

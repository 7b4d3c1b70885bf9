using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Pms;

/// <summary>The four PMS request DTOs (pms-api.md §4.1–§4.4) and the wrapper (§2.1).</summary>
public static class PmsRequestShapes
{
    public static readonly JsonField[] Wrapper =
    [
        new("id", JsonFieldKind.Text), new("version", JsonFieldKind.Text), new("requesttime", JsonFieldKind.Text),
        new("metadata", JsonFieldKind.Any), new("request", JsonFieldKind.Any),
    ];

    private static readonly JsonField[] CreateV1 =
    [
        new("name", JsonFieldKind.Text), new("policyId", JsonFieldKind.Text), new("publicKey", JsonFieldKind.Object),
        new("authPartnerId", JsonFieldKind.Text), new("logoUri", JsonFieldKind.Text), new("redirectUris", JsonFieldKind.TextList),
        new("grantTypes", JsonFieldKind.TextList), new("clientAuthMethods", JsonFieldKind.TextList),
    ];

    private static readonly JsonField[] UpdateV1 =
    [
        new("logoUri", JsonFieldKind.Text), new("redirectUris", JsonFieldKind.TextList), new("status", JsonFieldKind.Text),
        new("grantTypes", JsonFieldKind.TextList), new("clientName", JsonFieldKind.Text), new("clientAuthMethods", JsonFieldKind.TextList),
    ];

    private static readonly JsonField LangMap = new("clientNameLangMap", JsonFieldKind.TextMap);

    public static IReadOnlyList<JsonField> Create(bool oauth) => oauth ? [.. CreateV1, LangMap] : CreateV1;

    public static IReadOnlyList<JsonField> Update(bool oauth) => oauth ? [.. UpdateV1, LangMap] : UpdateV1;
}

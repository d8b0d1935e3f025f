namespace NetconfCloud.Contracts;

/// <summary>
/// Who may change the agenda, as every client and the service name it: reads are open to internal callers; writes
/// (CreateSession, UpdateSession, CancelSession) need a bearer token carrying the app role <see cref="WriteRole"/>
/// (Entra ID app role, in <c>roles</c>), for users and applications alike. A delegated scope alone grants nothing.
/// </summary>
public static class ScheduleAuthorization
{
    public const string WriteRole = "Schedule.Write";

    /// <summary>
    /// The delegated scope the API exposes, which a client app asks for to get a user's token for the API (in
    /// <c>scp</c>). It does not grant writing: the user must also hold <see cref="WriteRole"/>.
    /// </summary>
    public const string WriteScope = "schedule.write";

    /// <summary>The audience the schedule service expects by default.</summary>
    public const string DefaultAudience = "api://netconfcloud-schedule";

    /// <summary>Issuer of locally minted development tokens.</summary>
    public const string DevelopmentIssuer = "netconfcloud-development";

    /// <summary>
    /// The signing key of development tokens (HMAC-SHA256, base64). Public on purpose: it is only accepted when the
    /// service runs in the Development or Testing environment without other token settings, never in Azure.
    /// </summary>
    public const string DevelopmentSigningKey = "bmV0Y29uZmNsb3VkLWRldmVsb3BtZW50LW9ubHktc2lnbmluZy1rZXktMjAxNQ==";
}

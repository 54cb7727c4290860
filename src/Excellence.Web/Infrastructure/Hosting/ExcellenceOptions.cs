namespace Excellence.Web.Infrastructure.Hosting;

/// <summary>Configuration of one instance. Everything it stores lives under <see cref="DataDirectory"/>.</summary>
public sealed class ExcellenceOptions
{
    public string DataDirectory { get; set; } = "./data";
    /// <summary>"Sqlite" (embedded default) or "Postgres" (ConnectionStrings:Postgres).</summary>
    public string DatabaseProvider { get; set; } = "Sqlite";
    /// <summary>The public address used in links sent by mail; never taken from the request's Host header.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
    /// <summary>Secretariat and administrator accounts must use two-factor sign-in (off only in demo mode).</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;
    public bool DemoMode { get; set; }

    public string DataPath(params string[] parts) => Path.Combine([Path.GetFullPath(DataDirectory), .. parts]);
}

/// <summary>Limits for the endpoints that attackers hammer: sign-in, registration, tokens.</summary>
public sealed class RateLimitOptions
{
    public int AuthPermitsPerMinute { get; set; } = 20;
    /// <summary>Certificate verifications (/verify/{code} and its API) per client address and minute.</summary>
    public int VerifyPermitsPerMinute { get; set; } = 30;
    /// <summary>Objections to a public notice per client address and hour (public form and API).</summary>
    public int ObjectionsPerHour { get; set; } = 5;
    /// <summary>An objection form sent back faster than this after it was shown is a robot's.</summary>
    public int ObjectionMinFillSeconds { get; set; } = 5;
}

namespace Excellence.Web.Domain;

/// <summary>
/// The answer of a permission: allowed, or denied with the reason to show. <see cref="Hidden"/> means the
/// record must not be revealed at all (answered as 404), as opposed to a visible refusal (403/409).
/// </summary>
public sealed record Decision(bool Allowed, Problem? Reason, bool Hidden)
{
    public static Decision Allow { get; } = new(true, null, false);
    public static Decision Deny(string key, params object[] args) => new(false, new Problem(key, args), false);
    public static Decision Hide { get; } = new(false, new Problem("Permission.NotFound"), true);
    public static implicit operator bool(Decision d) => d.Allowed;
}

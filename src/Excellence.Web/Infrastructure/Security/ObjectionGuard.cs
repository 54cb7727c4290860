using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Excellence.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Infrastructure.Security;

/// <summary>
/// Abuse checks of the public objection form that need a secret: the signed form token (which notice, when it was
/// shown; a form sent back too fast is refused) and the fingerprint of an objector's identity for one application
/// (a keyed hash: duplicates are found without storing anything that can be reversed or guessed offline).
/// </summary>
public sealed class ObjectionGuard(IDataProtectionProvider provider, IOptions<ExcellenceOptions> options, IOptions<RateLimitOptions> limits)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(4);
    private readonly IDataProtector tokens = provider.CreateProtector("Excellence.Notices.FormToken.v1");
    private readonly Lazy<byte[]> key = new(() => LoadKey(options.Value.DataPath("keys", "objection-fingerprint.key")));

    public enum TokenCheck { Ok, Missing, TooFast, Expired }

    public string IssueToken(Guid noticeId, DateTime nowUtc) =>
        tokens.Protect(noticeId.ToString("N") + "|" + nowUtc.Ticks.ToString(CultureInfo.InvariantCulture));

    public TokenCheck Check(string? token, Guid noticeId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(token)) return TokenCheck.Missing;
        string plain;
        try { plain = tokens.Unprotect(token); }
        catch (CryptographicException) { return TokenCheck.Missing; }
        var parts = plain.Split('|');
        if (parts.Length != 2 || parts[0] != noticeId.ToString("N") || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks))
            return TokenCheck.Missing;
        var age = nowUtc - new DateTime(ticks, DateTimeKind.Utc);
        if (age < TimeSpan.FromSeconds(limits.Value.ObjectionMinFillSeconds)) return TokenCheck.TooFast;
        return age > MaxAge ? TokenCheck.Expired : TokenCheck.Ok;
    }

    /// <summary>HMAC-SHA256 of the normalised identity and the application, hex.</summary>
    public string Fingerprint(string identity, Guid applicationId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Value, Encoding.UTF8.GetBytes(identity.Trim().ToUpperInvariant() + "|" + applicationId.ToString("N"))));

    private static byte[] LoadKey(string path)
    {
        if (File.Exists(path)) return File.ReadAllBytes(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fresh = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var f = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            f.Write(fresh);
            return fresh;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllBytes(path); // another instance wrote it first
        }
    }
}

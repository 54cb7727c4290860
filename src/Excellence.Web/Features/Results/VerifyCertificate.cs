using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Results;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Results;

/// <summary>
/// Public verification by the code of the QR: genuine (with the certificate's public facts) or revoked (with the date).
/// Any miss — unknown, malformed — is the same not-found answer, after the same single indexed look-up.
/// </summary>
public static class VerifyCertificate
{
    public enum Status { Genuine, Revoked }

    public sealed record Verification(Status Status, string Number, int Year, Category Category, Level Level, string Holder,
        string Organization, DateOnly IssuedOn, DateOnly? RevokedOn);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<Verification>> HandleAsync(string? code, CancellationToken ct = default)
        {
            var key = (code ?? "").Trim().ToUpperInvariant();
            if (key.Length > 64) key = key[..64];
            var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Code == key, ct);
            if (c is null) return Outcome<Verification>.NotFound();
            return Outcome<Verification>.Ok(new Verification(c.IsRevoked ? Status.Revoked : Status.Genuine, c.Number, c.Year, c.Category, c.Level,
                c.HolderName, c.OrganizationName, c.IssuedOn,
                c.RevokedAt is { } at ? Shanghai.Today(new DateTimeOffset(at, TimeSpan.Zero)) : null));
        }
    }
}

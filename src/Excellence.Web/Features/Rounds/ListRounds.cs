using Excellence.Web.Data;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Rounds;

/// <summary>Every year, newest first (public).</summary>
public static class ListRounds
{
    public sealed class Handler(AppDb db, TimeProvider clock)
    {
        public async Task<IReadOnlyList<RoundView>> Handle(CancellationToken ct = default)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var rounds = await db.Rounds.AsNoTracking().AsSplitQuery().Include(r => r.Phases).Include(r => r.Categories)
                .OrderByDescending(r => r.Year).ToListAsync(ct);
            return rounds.Select(r => RoundView.Of(r, now)).ToList();
        }
    }
}

/// <summary>One year by its number, with its timeline and categories (public).</summary>
public static class GetRound
{
    public sealed class Handler(AppDb db, TimeProvider clock)
    {
        public async Task<Outcome<RoundView>> Handle(int year, CancellationToken ct = default)
        {
            var round = await Load(db, year, ct);
            return round is null ? Outcome<RoundView>.NotFound() : Outcome<RoundView>.Ok(RoundView.Of(round, clock.GetUtcNow().UtcDateTime));
        }

        internal static Task<Round?> Load(AppDb db, int year, CancellationToken ct) =>
            db.Rounds.AsSplitQuery().Include(r => r.Phases).Include(r => r.Categories).FirstOrDefaultAsync(r => r.Year == year, ct);
    }
}

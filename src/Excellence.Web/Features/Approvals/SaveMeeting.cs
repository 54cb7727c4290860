using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Approvals;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Approvals;

/// <summary>
/// Convenes an approval meeting of a year (create) or changes it while open (edit, with the version read): date, place,
/// quorum and majority, and the approvers invited. Only one open meeting per year, so a vote always has one home.
/// </summary>
public static class SaveMeeting
{
    public sealed record Input(string? Title, DateTime? HeldAtUtc, string? Place, int? QuorumNumerator, int? QuorumDenominator,
        int? MajorityNumerator, int? MajorityDenominator, IReadOnlyList<Guid>? Invited);

    public sealed record Create(int Year, Input Input);

    public sealed record Edit(Guid Id, int ExpectedVersion, Input Input);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Guid>> CreateAsync(Actor actor, Create command, CancellationToken ct = default)
        {
            var may = Permissions.CanManageApproval(actor);
            if (!may) return Outcome<Guid>.Denied(may);
            var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Year == command.Year, ct);
            if (round is null) return Outcome<Guid>.NotFound();
            if (await db.ApprovalMeetings.AnyAsync(m => m.Year == command.Year && m.Status == MeetingStatus.Open, ct))
                return Outcome<Guid>.Conflict(new Problem("Approval.OpenMeetingExists", command.Year));
            var now = clock.UtcNow();
            var m = new ApprovalMeeting { RoundId = round.Id, Year = round.Year, CreatedAt = now, UpdatedAt = now };
            var problems = await ApplyAsync(m, command.Input, ct);
            if (problems.Count > 0) return Outcome<Guid>.Invalid(problems);
            db.ApprovalMeetings.Add(m);
            audit.Describe("Approval.MeetingCreated");
            await db.SaveChangesAsync(ct);
            return Outcome<Guid>.Ok(m.Id);
        }

        public async Task<Outcome<int>> EditAsync(Actor actor, Edit command, CancellationToken ct = default)
        {
            var m = await db.LoadMeetingAsync(command.Id, ct);
            if (m is null) return Outcome<int>.NotFound();
            var may = Permissions.CanChangeApprovalMeeting(actor, m);
            if (may.Hidden) return Outcome<int>.NotFound();
            if (!may) return Outcome<int>.Conflict(may.Reason!);
            if (m.Version != command.ExpectedVersion) return Outcome<int>.Stale();
            var problems = await ApplyAsync(m, command.Input, ct);
            if (problems.Count > 0) return Outcome<int>.Invalid(problems);
            m.Version++;
            m.UpdatedAt = clock.UtcNow();
            audit.Describe("Approval.MeetingChanged");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<int>.Stale(); }
            return Outcome<int>.Ok(m.Version);
        }

        private async Task<FieldProblems> ApplyAsync(ApprovalMeeting m, Input input, CancellationToken ct)
        {
            var problems = new FieldProblems();
            var title = (input.Title ?? "").Trim();
            var place = (input.Place ?? "").Trim();
            if (title.Length == 0) problems.Add("title", "Validation.Required");
            else if (title.Length > 200) problems.Add("title", "Validation.TooLong", 200);
            if (place.Length == 0) problems.Add("place", "Validation.Required");
            else if (place.Length > 200) problems.Add("place", "Validation.TooLong", 200);
            if (input.HeldAtUtc is null) problems.Add("heldAt", "Validation.Required");
            var rule = new Rule(input.QuorumNumerator ?? 2, input.QuorumDenominator ?? 3, input.MajorityNumerator ?? 1, input.MajorityDenominator ?? 2);
            problems.AddRange(rule.Check());

            var invited = (input.Invited ?? []).Distinct().ToList();
            if (invited.Count == 0) problems.Add("invited", "Approval.NoneInvited");
            var approvers = (await ListMeetings.ApproversAsync(db, ct)).ToDictionary(a => a.Id, a => a.Name);
            if (invited.Any(id => !approvers.ContainsKey(id))) problems.Add("invited", "Approval.NotAnApprover");
            if (problems.Count > 0) return problems;

            m.Title = title;
            m.Place = place;
            m.HeldAt = input.HeldAtUtc!.Value;
            (m.QuorumNumerator, m.QuorumDenominator, m.MajorityNumerator, m.MajorityDenominator) =
                (rule.QuorumNumerator, rule.QuorumDenominator, rule.MajorityNumerator, rule.MajorityDenominator);
            m.Attendees.RemoveAll(a => !invited.Contains(a.UserId));
            foreach (var id in invited.Where(id => m.Attendees.All(a => a.UserId != id)))
                m.Attendees.Add(new ApprovalAttendee { MeetingId = m.Id, UserId = id, Name = approvers[id] });
            return problems;
        }
    }
}

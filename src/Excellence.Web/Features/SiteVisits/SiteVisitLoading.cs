using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Domain.SiteVisits;
using Excellence.Web.Features.Panels;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.SiteVisits;

public sealed record SiteVisitView(Guid Id, int Year, Guid ApplicationId, string Title, string OrganizationName, string? ReceiptNumber,
    Category Category, Stage Stage, Level? ProposedLevel, DateOnly Date, IReadOnlyList<PersonView> Members, string Issues,
    IReadOnlyList<SiteVisitLogEntry> Log, string Findings, SiteVisitOutcome? Outcome, string? OutcomeReason, PanelLevel? Level,
    DateTime? ConcludedAt, string? ConcludedByName, bool CanRecord, bool CanConclude, int Version);

/// <summary>
/// The team, date, issues and findings of a visit as the forms and the API send them. Team members must have no
/// conflict (detected or declared) with the application.
/// </summary>
public sealed record SiteVisitForm(DateOnly? Date, IReadOnlyList<Guid>? MemberIds, string? Issues, string? Findings)
{
    public async Task<FieldProblems> ValidateAsync(AppDb db, Guid applicationId, int year, CancellationToken ct)
    {
        var problems = new FieldProblems();
        if (Date is null) problems.Add("date", "Validation.Required");
        var members = (MemberIds ?? []).Distinct().ToList();
        if (members.Count == 0) problems.Add("memberIds", "Panel.MembersRequired");
        else
        {
            var known = await db.Experts.AsNoTracking().CountAsync(e => members.Contains(e.Id) && e.IsActive, ct);
            if (known != members.Count) problems.Add("memberIds", "Panel.UnknownExpert");
            else
            {
                var conflicts = await db.ConflictsAsync(members, [applicationId], year, ct);
                if (conflicts[applicationId].Count > 0) problems.Add("memberIds", "SiteVisit.MemberConflicted");
            }
        }
        if ((Issues ?? "").Length > 20000) problems.Add("issues", "Validation.TooLong", 20000);
        if ((Findings ?? "").Length > 20000) problems.Add("findings", "Validation.TooLong", 20000);
        return problems;
    }

    public void ApplyTo(SiteVisit v)
    {
        v.Date = Date!.Value;
        if (Issues is not null) v.Issues = Issues.Trim();
        if (Findings is not null) v.Findings = Findings.Trim();
        var wanted = MemberIds!.Distinct().ToList();
        v.Members.RemoveAll(x => !wanted.Contains(x.ExpertId));
        foreach (var id in wanted.Where(id => v.Members.All(x => x.ExpertId != id)))
            v.Members.Add(new SiteVisitMember { SiteVisitId = v.Id, ExpertId = id });
    }
}

public static class SiteVisitLoading
{
    public static Task<SiteVisit?> LoadVisitAsync(this AppDb db, Guid id, CancellationToken ct) =>
        db.SiteVisits.Include(v => v.Members).FirstOrDefaultAsync(v => v.Id == id, ct);

    public static async Task<SiteVisitView> ViewAsync(this AppDb db, SiteVisit v, Actor actor, CancellationToken ct)
    {
        var ids = v.Members.Select(m => m.ExpertId).ToList();
        var members = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id))
            .OrderBy(e => e.Name).Select(e => new PersonView(e.Id, e.Name, e.OrganizationName)).ToListAsync(ct);
        var a = await (from x in db.Applications.AsNoTracking()
                       join o in db.Organizations on x.OrganizationId equals o.Id
                       where x.Id == v.ApplicationId
                       select new { x.Title, o.Name, x.ReceiptNumber, x.Category, x.Stage, x.ProposedLevel }).FirstAsync(ct);
        return new SiteVisitView(v.Id, v.Year, v.ApplicationId, a.Title, a.Name, a.ReceiptNumber, a.Category, a.Stage, a.ProposedLevel, v.Date,
            members, v.Issues, v.Log, v.Findings, v.Outcome, v.OutcomeReason, v.Level, v.ConcludedAt, v.ConcludedByName,
            Permissions.CanRecordSiteVisit(actor, v).Allowed, Permissions.CanConcludeSiteVisit(actor, v).Allowed, v.Version);
    }

    /// <summary>
    /// The issues to verify, pre-filled: each submitted review's opportunities for improvement, then the questions of
    /// the panel items on the application.
    /// </summary>
    public static async Task<string> SuggestedIssuesAsync(this AppDb db, Guid applicationId, CancellationToken ct)
    {
        var opportunities = await db.Reviews.AsNoTracking()
            .Where(r => r.ApplicationId == applicationId && r.Status == Domain.Reviews.ReviewStatus.Submitted && r.Opportunities != "")
            .OrderBy(r => r.SubmittedAt).Select(r => r.Opportunities).ToListAsync(ct);
        var questions = await db.PanelItems.AsNoTracking().Where(i => i.ApplicationId == applicationId && i.Questions != "")
            .Select(i => i.Questions).ToListAsync(ct);
        return string.Join("\n", opportunities.Concat(questions).SelectMany(t => t.Replace("\r\n", "\n").Split('\n'))
            .Select(l => l.Trim()).Where(l => l.Length > 0).Distinct());
    }
}

using System.ComponentModel.DataAnnotations;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Identifiers;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Applications;

/// <summary>
/// Saves a draft (the autosave and the API's PUT). Refused when the client's version is not the stored
/// one, so two people editing one draft never overwrite each other. A draft may hold text over a limit
/// (answered as a warning) or be incomplete; a value that breaks a field rule is refused with its reason.
/// </summary>
public static class SaveDraft
{
    public sealed record Command(Guid Id, int ExpectedVersion, ApplicationForm Form);

    public sealed record Saved(int Version, DateTime UpdatedAt, IReadOnlyList<FieldProblem> Warnings, IReadOnlyList<FieldProblem> Missing);

    /// <summary>Hard caps that keep the database sane; the 字数 limits of the year are checked separately.</summary>
    private const int ShortText = 200, LongText = 50_000, MaxRows = 100;

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit, PersonalData pii)
    {
        public async Task<Outcome<Saved>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var loaded = await db.LoadAsync(command.Id, ct);
            if (loaded is null) return Outcome<Saved>.NotFound();
            var (a, org, _, limits) = loaded;
            var edit = Permissions.CanEditApplication(actor, a);
            if (edit.Hidden) return Outcome<Saved>.NotFound();
            if (!edit) return Outcome<Saved>.Conflict(edit.Reason!);
            if (command.ExpectedVersion != a.Version) return Outcome<Saved>.Stale();

            var problems = new FieldProblems();
            var recommenderOk = await CheckRecommenderAsync(command.Form, org, problems, ct);
            Apply(a, command.Form, problems, clock.Today());
            if (problems.Count > 0 || !recommenderOk) return Outcome<Saved>.Invalid(problems);

            var now = clock.UtcNow();
            a.Version++;
            a.UpdatedAt = now;
            a.UpdatedBy = actor.UserId;
            a.UpdatedByName = actor.Name;
            audit.Describe("Application.DraftSaved");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<Saved>.Stale();
            }
            return Outcome<Saved>.Ok(new Saved(a.Version, a.UpdatedAt, ApplicationRules.Limits(a, limits), ApplicationRules.Missing(a, org)));
        }

        private async Task<bool> CheckRecommenderAsync(ApplicationForm form, Domain.Organizations.Organization org, FieldProblems problems, CancellationToken ct)
        {
            if (form.IsDirect)
            {
                if (!org.MayApplyDirectly) problems.Add("direct", "Application.DirectNotAllowed");
                return org.MayApplyDirectly;
            }
            if (form.RecommenderId is { } id && !await db.RecommenderUnits.AnyAsync(r => r.Id == id && r.IsActive, ct))
            {
                problems.Add("recommenderId", "Application.UnknownRecommender");
                return false;
            }
            return true;
        }

        private void Apply(Application a, ApplicationForm form, FieldProblems problems, DateOnly today)
        {
            string Bounded(string field, string? value, int max)
            {
                var v = (value ?? "").Trim();
                if (v.Length > max) problems.Add(field, "Validation.TooLong", max);
                return v;
            }

            if (!a.IsIndividual)
            {
                var activities = form.QualityActivities.Where(ApplicationShape.NotEmpty).ToList();
                var awards = form.Awards.Where(ApplicationShape.NotEmpty).ToList();
                if (activities.Count > MaxRows) problems.Add("qualityActivities", "Application.TooManyRows", MaxRows);
                if (awards.Count > MaxRows) problems.Add("awards", "Application.TooManyRows", MaxRows);
                a.QualityActivities = activities.Select((r, i) =>
                {
                    var name = Bounded($"qualityActivities[{i}].name", r.Name, ShortText);
                    if (name.Length == 0) problems.Add($"qualityActivities[{i}].name", "Validation.Required");
                    return new QualityActivity(name, Bounded($"qualityActivities[{i}].result", r.Result, ShortText));
                }).ToList();
                a.Awards = awards.Select((r, i) =>
                {
                    var name = Bounded($"awards[{i}].name", r.Name, ShortText);
                    if (name.Length == 0) problems.Add($"awards[{i}].name", "Validation.Required");
                    if (r.Date is null) problems.Add($"awards[{i}].date", "Validation.Required");
                    else if (r.Date > today) problems.Add($"awards[{i}].date", "Validation.DateInFuture");
                    else if (r.Date < today.AddYears(-3)) problems.Add($"awards[{i}].date", "Application.AwardTooOld", today.AddYears(-3).ToString("yyyy-MM-dd"));
                    return new Award(name, r.Date, Bounded($"awards[{i}].awardingBody", r.AwardingBody, ShortText));
                }).ToList();
            }
            else if (form.Nominee is { } n)
            {
                ApplyNominee(a.Nominee ??= new Nominee { ApplicationId = a.Id }, n, problems, today, Bounded);
            }

            a.Title = Bounded("report.title", form.Report.Title, 500);
            a.Overview = Bounded("report.overview", form.Report.Overview, LongText);
            a.Content = Bounded("report.content", form.Report.Content, LongText);
            a.Effectiveness = Bounded("report.effectiveness", form.Report.Effectiveness, LongText);
            a.OwnUnitOpinion = Bounded("ownUnitOpinion", form.OwnUnitOpinion, 5000);
            if (form.ConsentToPublish is { } consent) a.ConsentToPublish = consent;

            var conditions = Eligibility.ConditionsFor(a.Category);
            a.Eligibility = conditions.Select((c, i) =>
            {
                var row = form.Eligibility.FirstOrDefault(e => e.Condition == c);
                var note = Bounded($"eligibility[{i}].note", row?.Note, 1000);
                // Computed conditions keep only the applicant's note; the data decides.
                return new EligibilityAnswer(c, Eligibility.ComputedConditions.Contains(c) ? null : row?.Met, note.Length == 0 ? null : note);
            }).ToList();
            foreach (var row in form.Eligibility.Where(e => !conditions.Contains(e.Condition)))
                problems.Add("eligibility", "Application.UnknownCondition", row.Condition);

            a.IsDirect = form.IsDirect;
            a.RecommenderUnitId = form.IsDirect ? null : form.RecommenderId;
            a.DirectApplicationReason = form.IsDirect ? Bounded("directApplicationReason", form.DirectApplicationReason, 2000) : null;
        }

        private void ApplyNominee(Nominee target, NomineeForm n, FieldProblems problems, DateOnly today, Func<string, string?, int, string> text)
        {
            target.Name = text("nominee.name", n.Name, 50);
            target.TitleOrSkill = text("nominee.titleOrSkill", n.TitleOrSkill, 100);
            target.Education = text("nominee.education", n.Education, 100);
            target.Department = text("nominee.department", n.Department, 100);
            target.Position = text("nominee.position", n.Position, 100);
            target.WorkHistory = text("nominee.workHistory", n.WorkHistory, LongText);
            target.RecentHonours = text("nominee.recentHonours", n.RecentHonours, LongText);
            target.Gender = n.Gender;
            target.PoliticalStatus = n.PoliticalStatus;

            if (n.YearsOfWork is < 0 or > 70) problems.Add("nominee.yearsOfWork", "Validation.Range", 0, 70);
            if (n.YearsInCurrentPost is < 0 or > 70) problems.Add("nominee.yearsInCurrentPost", "Validation.Range", 0, 70);
            if (n.YearsOfWork is { } work && n.YearsInCurrentPost is { } post && post > work)
                problems.Add("nominee.yearsInCurrentPost", "Nominee.PostYearsExceedWork", post, work);
            target.YearsOfWork = n.YearsOfWork;
            target.YearsInCurrentPost = n.YearsInCurrentPost;

            var email = (n.Email ?? "").Trim();
            if (email.Length > 0 && (email.Length > 254 || !new EmailAddressAttribute().IsValid(email))) problems.Add("nominee.email", "Validation.Email");
            target.Email = email;

            // The ID number and the phone are written in full but read back masked: a masked or absent value keeps what is stored.
            var id = ResidentId.Normalize(n.ResidentId);
            string? plainId = null;
            if (id.Length == 0 && n.ResidentId is not null)
            {
                target.ResidentIdCipher = "";
                target.ResidentIdMasked = "";
            }
            else if (id.Length > 0 && !id.Contains('*'))
            {
                if (ResidentId.Check(id, today) is { } problem) problems.Add("nominee.residentId", problem);
                else
                {
                    plainId = id;
                    target.ResidentIdCipher = pii.Protect(id);
                    target.ResidentIdMasked = ResidentId.Mask(id);
                }
            }
            else if (target.ResidentIdCipher.Length > 0 && target.Gender is not null)
            {
                plainId = pii.Unprotect(target.ResidentIdCipher);
            }
            if (plainId is not null && target.Gender is { } gender && ResidentId.IsMale(plainId) != (gender == Gender.Male))
                problems.Add("nominee.gender", "Nominee.GenderMismatch");

            var phone = (n.Phone ?? "").Trim();
            if (phone.Length == 0 && n.Phone is not null)
            {
                target.PhoneCipher = "";
                target.PhoneMasked = "";
            }
            else if (phone.Length > 0 && !phone.Contains('*'))
            {
                if (Phone.CheckMobileOrLandline(phone) is { } problem) problems.Add("nominee.phone", problem);
                else
                {
                    target.PhoneCipher = pii.Protect(phone);
                    target.PhoneMasked = Phone.Mask(phone);
                }
            }
        }
    }
}

using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Excellence.Web.Domain.Identifiers;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Features.Diagnosis;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>
/// Demo diagnoses: two submitted ones for applicant@demo.local's organisation (so the report shows a
/// change), and synthetic peer organisations across industries, scales and districts so that the peer
/// quartile and the analytics show something. Deterministic and idempotent.
/// </summary>
public sealed class DiagnosisDemoData : IDemoDataSeeder
{
    public const string PeerPrefix = "演示诊断单位";

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDb>();
        if (await db.Diagnoses.AnyAsync(ct)) return;
        var system = await DiagnosisQueries.CurrentSystem(db, ct);
        var own = await db.Organizations.FirstOrDefaultAsync(o => o.CreditCode == "91310115MA1FL3PQ7A", ct);
        if (system is null || own is null) return;
        var pii = services.GetRequiredService<PersonalData>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var random = new Random(2024);

        var industries = new[] { Industry.Manufacturing, Industry.Services, Industry.Construction };
        var scales = Enum.GetValues<OrganizationScale>();
        for (var i = 0; i < 36; i++)
        {
            // The first 14 share the demo applicant's industry and scale, so its report shows a quartile.
            var industry = i < 14 ? own.Industry : industries[i % industries.Length];
            var scale = i < 14 ? own.Scale : scales[i % scales.Length];
            var district = Reference.Districts[i % Reference.Districts.Count];
            var body = "91" + district + "MA1D" + (i + 10000).ToString("D5");
            var org = new Organization
            {
                Name = $"{PeerPrefix}{i + 1:D2}", CreditCode = body + CreditCode.CheckCharacter(body), District = district,
                EstablishedOn = new DateOnly(2010, 1, 1), RegisteredAddress = "上海市", RegisteredPostcode = "200000",
                MailingAddress = "上海市", MailingPostcode = "200000", Nature = OrganizationNature.MarketEntity,
                MarketEntityType = MarketEntityType.Private, Industry = industry, Scale = scale, ContactName = "演示",
                ContactDepartment = "质量部", ContactMobileCipher = pii.Protect("13800138000"), ContactMobileMasked = Phone.Mask("13800138000"),
                ContactEmail = "demo@demo.local", CreatedAt = now, UpdatedAt = now,
            };
            db.Organizations.Add(org);
            db.Diagnoses.Add(Submitted(system, org, RandomAnswers(system.Definition, random, 1 + i % 3), now.AddDays(-random.Next(1, 330))));
        }
        db.Diagnoses.Add(Submitted(system, own, RandomAnswers(system.Definition, random, 1), now.AddDays(-200)));
        db.Diagnoses.Add(Submitted(system, own, RandomAnswers(system.Definition, random, 2), now.AddDays(-3)));
        await db.SaveChangesAsync(ct);
    }

    private static Domain.Diagnosis.Diagnosis Submitted(IndicatorSystem system, Organization org, Dictionary<string, string> answers, DateTime at)
    {
        var d = new Domain.Diagnosis.Diagnosis
        {
            OrganizationId = org.Id, IndicatorSystemId = system.Id, SystemNumber = system.Number, Answers = answers,
            CreatedAt = at.AddHours(-1), UpdatedAt = at,
        };
        var problems = d.Submit(system.Definition, true, org, at);
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(", ", problems));
        return d;
    }

    /// <summary>Answers around a centre band (0–4): a plausible spread, the veto almost always "no".</summary>
    public static Dictionary<string, string> RandomAnswers(IndicatorDefinition system, Random random, int centre) =>
        system.AllIndicators.ToDictionary(q => q.Code, q => q.Scale == AnswerScale.YesNoVeto
            ? (random.Next(20) == 0 ? Answers.Yes : Answers.No)
            : Answers.Bands[Math.Clamp(centre + random.Next(-1, 3), 0, 4)]);
}

using System.Net.Mail;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Rounds;

namespace Excellence.Web.Features.Rounds;

/// <summary>
/// An evaluation year as the secretariat writes it: the body of POST/PUT /api/v1/rounds and the model of
/// the edit page. Mutable classes so both JSON and form binding fill them; the deadline is an instant
/// (the page builds it from a Shanghai date and time).
/// </summary>
public sealed class RoundInput
{
    public int? Year { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public string? NoticeNumber { get; set; }
    public string? NoticeText { get; set; }
    public DateTimeOffset? SubmissionDeadline { get; set; }
    public List<PhaseInput> Timeline { get; set; } = [];
    public List<CategoryInput> Categories { get; set; } = [];
    public EvidenceLimitsInput EvidenceLimits { get; set; } = new();
    public ContactInput Contact { get; set; } = new();
    /// <summary>Why the change was made; required once the year's submissions have closed.</summary>
    public string? Reason { get; set; }

    public sealed class PhaseInput
    {
        public PhaseKind? Kind { get; set; }
        public string? Name { get; set; }
        public string? NameEn { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Note { get; set; }
        /// <summary>A row the page asked to drop (its remove button); ignored by the API.</summary>
        public bool Remove { get; set; }

        public bool IsBlank => Kind is null && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(NameEn)
                               && StartsOn is null && EndsOn is null && string.IsNullOrWhiteSpace(Note);
    }

    public sealed class CategoryInput
    {
        public Category Category { get; set; }
        public bool Enabled { get; set; }
        public int? TitleLimit { get; set; }
        public int? OverviewLimit { get; set; }
        public int? ContentLimit { get; set; }
        public int? EffectivenessLimit { get; set; }
        public int? MaxPerOrganization { get; set; }
    }

    public sealed class EvidenceLimitsInput
    {
        public int? FileMb { get; set; } = 20;
        public int? TotalMb { get; set; } = 100;
    }

    public sealed class ContactInput
    {
        public string? Department { get; set; }
        public string? Person { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
    }

    /// <summary>A new year's starting point: the three categories with the notice's limits.</summary>
    public static RoundInput Blank(int year) => new()
    {
        Year = year,
        Categories = Enum.GetValues<Category>().Select(c => From(RoundCategory.Default(c))).ToList(),
        Timeline = [new() { Kind = PhaseKind.Application }],
    };

    public static RoundInput From(Round r) => new()
    {
        Year = r.Year, Title = r.Title, TitleEn = r.TitleEn, NoticeNumber = r.NoticeNumber, NoticeText = r.NoticeText,
        SubmissionDeadline = Shanghai.ToLocal(r.SubmissionDeadline),
        Timeline = r.Phases.OrderBy(p => p.Order).Select(p => new PhaseInput
        {
            Kind = p.Kind, Name = p.Name, NameEn = p.NameEn, StartsOn = p.StartsOn, EndsOn = p.EndsOn, Note = p.Note,
        }).ToList(),
        Categories = Enum.GetValues<Category>()
            .Select(c => From(r.Categories.FirstOrDefault(x => x.Category == c) ?? Disabled(c))).ToList(),
        EvidenceLimits = new() { FileMb = (int)(r.EvidenceFileLimitBytes / Mb), TotalMb = (int)(r.EvidenceTotalLimitBytes / Mb) },
        Contact = new() { Department = r.ContactDepartment, Person = r.ContactPerson, Phone = r.ContactPhone, Email = r.ContactEmail },
    };

    private const long Mb = 1024 * 1024;

    private static RoundCategory Disabled(Category c)
    {
        var d = RoundCategory.Default(c);
        d.Enabled = false;
        return d;
    }

    private static CategoryInput From(RoundCategory c) => new()
    {
        Category = c.Category, Enabled = c.Enabled, TitleLimit = c.TitleLimit, OverviewLimit = c.OverviewLimit,
        ContentLimit = c.ContentLimit, EffectivenessLimit = c.EffectivenessLimit, MaxPerOrganization = c.MaxPerOrganization,
    };

    /// <summary>
    /// Checks the shape (required fields, lengths, e-mail) and, if that holds, writes the values into
    /// <paramref name="round"/> and checks the year's invariants. The round is only changed when the shape is valid;
    /// callers save only when no problem is returned.
    /// </summary>
    public FieldProblems ApplyTo(Round round)
    {
        var problems = new FieldProblems();
        Required(problems, "title", Title, 200);
        Optional(problems, "titleEn", TitleEn, 300);
        Required(problems, "noticeNumber", NoticeNumber, 100);
        Optional(problems, "noticeText", NoticeText, 100_000);
        if (SubmissionDeadline is null) problems.Add("submissionDeadline", "Validation.Required");
        if (Year is null) problems.Add("year", "Validation.Required");

        var rows = Timeline.Where(p => !p.Remove && !p.IsBlank).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var p = rows[i];
            if (p.Kind is null) problems.Add($"timeline[{i}].kind", "Validation.Required");
            Required(problems, $"timeline[{i}].name", p.Name, 200);
            Optional(problems, $"timeline[{i}].nameEn", p.NameEn, 300);
            Optional(problems, $"timeline[{i}].note", p.Note, 500);
            if (p.StartsOn is null) problems.Add($"timeline[{i}].startsOn", "Validation.Required");
            if (p.EndsOn is null) problems.Add($"timeline[{i}].endsOn", "Validation.Required");
        }
        foreach (var c in Enum.GetValues<Category>())
            if (Categories.Count(x => x.Category == c) > 1) problems.Add("categories", "Round.CategoryTwice", c.ToString());
        for (var i = 0; i < Categories.Count; i++)
        {
            var c = Categories[i];
            if (!Enum.IsDefined(c.Category)) problems.Add($"categories[{i}].category", "Validation.Choice");
            if (c.TitleLimit is null) problems.Add($"categories[{i}].titleLimit", "Validation.Required");
            if (c.OverviewLimit is null) problems.Add($"categories[{i}].overviewLimit", "Validation.Required");
            if (c.ContentLimit is null) problems.Add($"categories[{i}].contentLimit", "Validation.Required");
            if (c.EffectivenessLimit is null) problems.Add($"categories[{i}].effectivenessLimit", "Validation.Required");
        }
        if (EvidenceLimits.FileMb is null) problems.Add("evidenceLimits.fileMb", "Validation.Required");
        if (EvidenceLimits.TotalMb is null) problems.Add("evidenceLimits.totalMb", "Validation.Required");
        Optional(problems, "contact.department", Contact.Department, 100);
        Optional(problems, "contact.person", Contact.Person, 50);
        Optional(problems, "contact.phone", Contact.Phone, 50);
        Optional(problems, "contact.email", Contact.Email, 254);
        if (!string.IsNullOrWhiteSpace(Contact.Email) && !MailAddress.TryCreate(Contact.Email.Trim(), out _))
            problems.Add("contact.email", "Validation.Email");
        if (problems.Count > 0) return problems;

        round.Year = Year!.Value;
        round.Title = Title!.Trim();
        round.TitleEn = (TitleEn ?? "").Trim();
        round.NoticeNumber = NoticeNumber!.Trim();
        round.NoticeText = (NoticeText ?? "").Replace("\r\n", "\n").Trim();
        round.SubmissionDeadline = SubmissionDeadline!.Value.UtcDateTime;
        round.EvidenceFileLimitBytes = EvidenceLimits.FileMb!.Value * Mb;
        round.EvidenceTotalLimitBytes = EvidenceLimits.TotalMb!.Value * Mb;
        round.ContactDepartment = (Contact.Department ?? "").Trim();
        round.ContactPerson = (Contact.Person ?? "").Trim();
        round.ContactPhone = (Contact.Phone ?? "").Trim();
        round.ContactEmail = (Contact.Email ?? "").Trim();

        // The timeline is replaced as a whole: rows carry no identity the secretariat would care about.
        round.Phases.Clear();
        for (var i = 0; i < rows.Count; i++)
            round.Phases.Add(new RoundPhase
            {
                RoundId = round.Id, Order = i + 1, Kind = rows[i].Kind!.Value, Name = rows[i].Name!.Trim(),
                NameEn = (rows[i].NameEn ?? "").Trim(), StartsOn = rows[i].StartsOn!.Value, EndsOn = rows[i].EndsOn!.Value,
                Note = (rows[i].Note ?? "").Trim(),
            });
        // Categories are kept by identity (one row per category), so an edit updates rather than replaces them.
        var ordered = new List<RoundCategory>();
        foreach (var c in Categories)
        {
            var row = round.Categories.FirstOrDefault(x => x.Category == c.Category);
            if (row is null) round.Categories.Add(row = new RoundCategory { RoundId = round.Id, Category = c.Category });
            row.Enabled = c.Enabled;
            row.TitleLimit = c.TitleLimit!.Value;
            row.OverviewLimit = c.OverviewLimit!.Value;
            row.ContentLimit = c.ContentLimit!.Value;
            row.EffectivenessLimit = c.EffectivenessLimit!.Value;
            row.MaxPerOrganization = c.MaxPerOrganization;
            ordered.Add(row);
        }
        // Invariant problems are reported in the order of the input, so index i names the i-th input row.
        var check = new Round
        {
            Year = round.Year, SubmissionDeadline = round.SubmissionDeadline, Phases = round.Phases,
            Categories = ordered, EvidenceFileLimitBytes = round.EvidenceFileLimitBytes, EvidenceTotalLimitBytes = round.EvidenceTotalLimitBytes,
        };
        problems.AddRange(RoundRules.Check(check));
        return problems;
    }

    private static void Required(FieldProblems problems, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add(field, "Validation.Required");
        else Optional(problems, field, value, max);
    }

    private static void Optional(FieldProblems problems, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) problems.Add(field, "Validation.TooLong", max);
    }
}

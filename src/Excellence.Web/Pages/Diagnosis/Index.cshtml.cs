using Excellence.Web.Domain;
using Excellence.Web.Features.Diagnosis;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Diagnosis;

/// <summary>快速通道—质量诊断: the public entry; for a signed-in applicant also start/continue and the history.</summary>
[AllowAnonymous]
public sealed class IndexModel(ListDiagnoses.Handler list) : PageModel
{
    public Actor? Actor { get; private set; }
    public IReadOnlyList<ListDiagnoses.Item> History { get; private set; } = [];
    public bool IsApplicant => Actor?.Is(Roles.Applicant) == true;

    public async Task OnGetAsync()
    {
        Actor = HttpContext.Actor();
        if (Actor is not null) History = await list.Handle(Actor);
    }

    public async Task<IActionResult> OnPostStartAsync([FromServices] StartDiagnosis.Handler start)
    {
        if (HttpContext.Actor() is not { } actor) return Challenge();
        var outcome = await start.Handle(actor);
        if (outcome.IsOk) return Redirect($"/Organization/Diagnosis/{outcome.Value!.Id}");
        return outcome.Kind == Features.OutcomeKind.NotFound ? NotFound() : Forbid();
    }
}

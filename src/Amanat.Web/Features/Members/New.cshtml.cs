using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Members;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Members;

/// <summary>Registers a member: a working name and only what the centre needs; no legal name, no document number.</summary>
[RequirePermission(Permission.CreateRecords)]
internal sealed class NewMemberModel(AmanatDbContext db, MemberRecorder recorder, IStringLocalizer<SharedResource> localizer)
    : MemberFormPage(db, recorder, localizer)
{
    public async Task OnGetAsync() => await LoadVocabularyAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var member = await SaveAsync(null);
        return member is null ? Page() : Redirect($"/staff/members/{member.Id}?saved=true");
    }
}

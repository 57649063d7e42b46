using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Care;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Amanat.Web.Features.Care;

/// <summary>What is due in the next 14 days (and what is already late), within the reader's scope.</summary>
[RequirePermission(Permission.ReadRecords)]
internal sealed class TasksModel(UpcomingTasks upcoming) : PageModel
{
    public IReadOnlyList<UpcomingTask> Tasks { get; private set; } = [];

    public async Task OnGetAsync() => Tasks = await upcoming.ForAsync(User.RequiredUserId(), User.Roles());
}

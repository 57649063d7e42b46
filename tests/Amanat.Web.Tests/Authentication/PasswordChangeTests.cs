using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Authentication;

/// <summary>
/// A staff member changes her own password: wrong, mismatched or short input is refused in her language and
/// changes nothing; then the old password stops working, her other devices are signed out, this one goes on.
/// </summary>
public abstract class PasswordChangeTests(AmanatApp app) : IntegrationTest(app)
{
    private const string NewPassword = "blue kettle on the windowsill";

    [Fact]
    public async Task ChangingThePassword_SignsOutTheOtherDevices_AndOnlyTheNewOneWorks()
    {
        var staff = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach, "changes-password");
        using var other = App.Client();
        using (await StaffClient.SignInAsync(other, staff.User.UserName!, staff.Password, staff.TotpKey))
        {
        }

        using var wrong = await staff.PostFormAsync("/staff/account/password?lang=kk", new() { ["Current"] = "not my password at all", ["New"] = NewPassword, ["Confirm"] = NewPassword });
        using var differ = await staff.PostFormAsync("/staff/account/password?lang=ru", new() { ["Current"] = staff.Password, ["New"] = NewPassword, ["Confirm"] = NewPassword + "!" });
        using var tooShort = await staff.PostFormAsync("/staff/account/password?lang=en", new() { ["Current"] = staff.Password, ["New"] = "short", ["Confirm"] = "short" });
        Assert.Contains("Бұл сіздің қазіргі құпиясөзіңіз емес.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Пароли не совпадают", await differ.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/staff", UriKind.Relative))).StatusCode);

        using var changed = await staff.PostFormAsync("/staff/account/password", new() { ["Current"] = staff.Password, ["New"] = NewPassword, ["Confirm"] = NewPassword });

        Assert.Equal("/staff/account?passwordChanged=true", changed.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync(new Uri("/staff", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync(new Uri("/staff", UriKind.Relative))).StatusCode);
        using var third = App.Client();
        using var oldPassword = await StaffClient.PostFormAsync(third, "/staff/signin", new() { ["Input.UserName"] = staff.User.UserName!, ["Input.Password"] = staff.Password });
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var newPassword = await StaffClient.SignInAsync(third, staff.User.UserName!, NewPassword, staff.TotpKey);
        Assert.Equal("/staff", newPassword.Headers.Location?.ToString());
        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().SingleAsync(e => e.Type == AuditEventType.PasswordChanged));
        Assert.Equal((staff.User.Id, 1L), (audit.SubjectId!.Value, audit.Value!.Value));
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : PasswordChangeTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : PasswordChangeTests(app);
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Authentication;

public abstract partial class ApiTokenTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Token_CreatedOnThePage_IsShownOnce_StoredHashed_AndActsWithTheOwnersRoles()
    {
        var staff = await StaffClient.SignInNewAsync(App, StaffRoles.Analyst | StaffRoles.Coordinator);

        using var created = await staff.PostFormAsync("/staff/account/tokens", new() { ["Name"] = "monthly report" }, "/staff/account/tokens?handler=Create");
        var page = await created.Content.ReadAsStringAsync();
        var secret = TokenPattern().Match(page).Value;
        var again = await staff.Http.GetStringAsync(new Uri("/staff/account/tokens", UriKind.Relative));

        Assert.StartsWith(ApiToken.Prefix, secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Contains("monthly report", again, StringComparison.Ordinal);
        var stored = await App.WithDbAsync(db => db.ApiTokens.SingleAsync());
        Assert.Equal(Amanat.Core.Security.SecretToken.Hash(secret), stored.SecretHash);

        var me = await MeAsync(secret);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(["coordinator", "analyst"], me.Roles);
    }

    [Fact]
    public async Task Token_Revoked_OrOwnerDisabled_OrUnknown_IsRefused()
    {
        var owner = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var (revokedSecret, revokedId) = await CreateTokenAsync(owner.User.Id, "to revoke");
        var (disabledSecret, _) = await CreateTokenAsync(owner.User.Id, "owner disabled");

        Assert.Equal(HttpStatusCode.OK, (await MeAsync(revokedSecret)).Status);
        using (await owner.PostFormAsync("/staff/account/tokens", [], $"/staff/account/tokens?handler=Revoke&id={revokedId}"))
        {
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(revokedSecret)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(ApiToken.Prefix + "not-a-real-token")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync("garbage")).Status);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByIdAsync(owner.User.Id.ToString());
            user!.Disable(TestClock.UtcNow);
            await users.UpdateAsync(user);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(disabledSecret)).Status);
    }

    [Fact]
    public async Task RoleChange_AppliesToHerTokensAtOnce_AndSheIsToldOnceAtHome()
    {
        var owner = await StaffClient.SignInNewAsync(App, StaffRoles.Admin | StaffRoles.Lawyer);
        var (secret, _) = await CreateTokenAsync(owner.User.Id, "script");

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var admin = await StaffClient.CreateUserAsync(App, "second-admin", "another long password", StaffRoles.Admin);
            await accounts.SetRolesAsync((await users.FindByIdAsync(owner.User.Id.ToString()))!, StaffRoles.Lawyer, admin.User.Id);
        }

        Assert.Equal(["lawyer"], (await MeAsync(secret)).Roles);
        var home = await owner.Http.GetStringAsync(new Uri("/staff", UriKind.Relative));
        var again = await owner.Http.GetStringAsync(new Uri("/staff", UriKind.Relative));
        Assert.Contains("администратор изменил ваши роли", home, StringComparison.Ordinal);
        Assert.DoesNotContain("администратор изменил ваши роли", again, StringComparison.Ordinal);
    }

    private async Task<(string Secret, Guid Id)> CreateTokenAsync(Guid userId, string name)
    {
        var (token, secret) = ApiToken.Create(userId, name, TestClock.UtcNow);
        await App.WithDbAsync(async db =>
        {
            db.ApiTokens.Add(token);
            return await db.SaveChangesAsync();
        });
        return (secret, token.Id);
    }

    private async Task<(HttpStatusCode Status, string[] Roles)> MeAsync(string secret)
    {
        using var client = App.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, []);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, [.. json.RootElement.GetProperty("roles").EnumerateArray().Select(x => x.GetString()!)]);
    }

    [GeneratedRegex("amanat_[A-Za-z0-9_-]{43}")]
    private static partial Regex TokenPattern();

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : ApiTokenTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : ApiTokenTests(app);
}

using Amanat.Browser.Tests.Pages;
using Amanat.Browser.Tests.Support;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Amanat.Browser.Tests;

/// <summary>An administrator chooses sealed mode, checks the audit chain, seals the server and unlocks it — on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SealedModeTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery staple";
    private const string Passphrase = "apricot valley winter road";

    [Fact]
    public async Task Admin_ChoosesAPassphrase_VerifiesTheAudit_Seals_AndUnlocks()
    {
        var (server, address) = await browser.StartFreshAsync();
        await using var _ = server;
        string key;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var (user, _) = await accounts.AddAsync("keeper", Password, StaffRoles.Admin);
            key = (await accounts.EnrolNowAsync(user!)).Key;
        }

        await using var context = await browser.PhoneAsync(locale: "en-GB", baseAddress: address);
        var signIn = new StaffSignInPages(await context.NewPageAsync());
        var page = signIn.Page;
        await signIn.SignInAsync("keeper", Password, key);

        await page.GetByRole(AriaRole.Link, new() { Name = "Keys", Exact = true }).ClickAsync();
        await Expect(signIn.Heading).ToHaveTextAsync("Keys and sealed mode");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Passphrase", new() { Exact = true }).FillAsync(Passphrase);
        await page.GetByLabel("Passphrase again").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the passphrase" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The key file was destroyed.");
        await Expect(page.GetByText("Sealed mode: passphrase")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the chain" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The chain is intact");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Unlock mode changed" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // The bot's token page: off without a token; a wrong token is refused clearly.
        await page.GetByRole(AriaRole.Link, new() { Name = "Telegram bot", Exact = true }).ClickAsync();
        await Expect(signIn.Heading).ToHaveTextAsync("Telegram bot");
        await Expect(page.GetByText("The bot is off: it has no token.")).ToBeVisibleAsync();
        await page.GetByLabel("Token from @BotFather").FillAsync("my bot token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Try and save" }).ClickAsync();
        await Expect(page.GetByText("This is not a bot token")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Keys", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Seal the server" }).ClickAsync();
        await Expect(signIn.Heading).ToHaveTextAsync("Unlock Amanat");
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/staff");
        await Expect(signIn.Heading).ToHaveTextAsync("Amanat is locked");

        await page.GetByRole(AriaRole.Link, new() { Name = "Unlock" }).ClickAsync();
        await page.GetByLabel("Passphrase").FillAsync("a wrong guess of a passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unlock" }).ClickAsync();
        await Expect(signIn.Alert).ToContainTextAsync("That passphrase is not right.");
        await page.GetByLabel("Passphrase").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unlock" }).ClickAsync();
        await Expect(signIn.Heading).ToHaveTextAsync("Staff sign in");
        await signIn.SignInAsync("keeper", Password, key);
        await Expect(signIn.Heading).ToHaveTextAsync("Hello, keeper");
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }
}

using Microsoft.Playwright;
using OtpNet;

namespace Amanat.Browser.Tests.Pages;

/// <summary>Page object of the staff sign-in steps, found by labels and roles.</summary>
public sealed class StaffSignInPages(IPage page)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> StepsGiven = new(StringComparer.Ordinal);

    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Alert => Page.GetByRole(AriaRole.Alert);

    /// <summary>
    /// The authenticator's code for the current 30-second step; when this key was already given a code of that
    /// step, the next step's (the server takes codes up to two steps ahead, as from a phone whose clock runs
    /// fast): each code works once, and a test may sign the same person in again at once.
    /// </summary>
    public static string CurrentCode(string key)
    {
        var current = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var step = StepsGiven.AddOrUpdate(key, current, (_, last) => Math.Max(current, last + 1));
        return new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));
    }

    public async Task EnterPasswordAsync(string userName, string password)
    {
        await Page.GotoAsync("/staff/signin");
        await Page.GetByLabel("Username").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async Task EnterCodeAsync(string code)
    {
        await Page.GetByLabel("Code").FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async Task SignInAsync(string userName, string password, string key)
    {
        await EnterPasswordAsync(userName, password);
        await EnterCodeAsync(CurrentCode(key));
    }
}

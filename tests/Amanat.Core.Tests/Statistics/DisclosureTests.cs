using Amanat.Core.Statistics;

namespace Amanat.Core.Tests.Statistics;

/// <summary>Small cells: hidden under the threshold, with complementary cells so that no hidden value follows from the total.</summary>
public sealed class DisclosureTests
{
    [Fact]
    public void ALoneSmallCell_TakesTheNextSmallestWithIt()
    {
        var table = new Disclosure(5, rounded: false).Table([("A", 40), ("B", 3), ("C", 9), ("D", 12), ("E", 0)], 64);
        Assert.Equal([40L, null, null, 12L, 0L], table.Rows.Select(r => r.Cell.Value));
        Assert.Equal(64, table.Total.Value);
    }

    [Fact]
    public void CellsThatWouldEachHaveToBeOne_HideTheWholeTable()
    {
        // Five cells of one under a total of five: even hidden, each could only be 1.
        var table = new Disclosure(5, rounded: false).Table([("A", 1), ("B", 1), ("C", 1), ("D", 1), ("E", 1)], 5);
        Assert.True(table.Suppressed);
        Assert.All(table.Rows, r => Assert.True(r.Cell.Suppressed));
    }

    [Fact]
    public void Analysts_SeeMultiplesOfFive_CoordinatorsExactCounts()
    {
        var analyst = new Disclosure(5, rounded: true);
        Assert.Equal([15L, 20L, 5L, 0L], new long[] { 17, 18, 5, 0 }.Select(c => analyst.Count(c).Value));
        Assert.True(analyst.Count(4).Suppressed);
        Assert.Equal(17, new Disclosure(5, rounded: false).Count(17).Value);
        Assert.Equal(12_000, analyst.Sum(12_345, 6));
        Assert.Null(analyst.Sum(12_345, 4)); // a sum from fewer than five incidents is not shown
        Assert.Equal(12_345, new Disclosure(5, rounded: false).Sum(12_345, 5));
    }

    [Fact]
    public void ASelectionUnderTheThreshold_IsRefused()
    {
        var disclosure = new Disclosure(5, rounded: false);
        Assert.False(disclosure.Allows(3));
        Assert.True(disclosure.Allows(5));
    }

    /// <summary>
    /// Ten thousand random breakdowns: from what is shown (the total and the shown cells; zeros are shown),
    /// each hidden cell could still take at least two values, so none can be recovered.
    /// </summary>
    [Theory]
    [InlineData(5)]
    [InlineData(3)]
    [InlineData(10)]
    public void NoHiddenValue_CanBeWorkedOutFromTheTotalAndTheShownCells(int threshold)
    {
        var random = new Random(threshold);
        var disclosure = new Disclosure(threshold, rounded: false);
        for (var run = 0; run < 10_000; run++)
        {
            var cells = Enumerable.Range(0, random.Next(1, 9)).Select(i => ($"C{i}", (long)(random.Next(3) == 0 ? random.Next(0, 3 * threshold) : random.Next(0, threshold)))).ToList();
            var total = cells.Sum(c => c.Item2);
            var table = disclosure.Table(cells, total);
            if (table.Total.Value is not { } shownTotal)
            {
                Assert.All(table.Rows, r => Assert.True(r.Cell.Suppressed));
                continue;
            }

            var hidden = table.Rows.Where(r => r.Cell.Suppressed).ToList();
            Assert.All(table.Rows.Where(r => !r.Cell.Suppressed), r => Assert.True(r.Cell.Value == 0 || r.Cell.Value >= threshold));
            if (hidden.Count == 0)
            {
                continue;
            }

            var hiddenSum = shownTotal - table.Rows.Where(r => !r.Cell.Suppressed).Sum(r => r.Cell.Value!.Value);
            var largestPossible = hiddenSum - (hidden.Count - 1); // every other hidden cell at least one
            Assert.True(hidden.Count >= 2, string.Join(",", cells));
            Assert.True(largestPossible >= 2, string.Join(",", cells)); // each hidden cell: 1 or more, at least two ways
            Assert.True(hiddenSum >= threshold, string.Join(",", cells));
        }
    }
}

using System.Text;

namespace Amanat.Core.Statistics;

/// <summary>
/// Text put into a spreadsheet cell or a CSV field. A value starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// a tab or a carriage return would be taken for a formula when opened (a label edited to
/// <c>=HYPERLINK(…)</c> could send data away): it is prefixed with an apostrophe so it stays text.
/// </summary>
public static class SheetText
{
    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>A CSV field (RFC 4180): neutralised, then quoted when it holds a comma, a quote or a line break.</summary>
    public static string Csv(string? value)
    {
        var text = Neutralise(value);
        return text.AsSpan().IndexOfAny(",\"\r\n;") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>One CSV line of already formatted fields, ended by CRLF.</summary>
    public static string CsvLine(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var line = new StringBuilder();
        foreach (var field in fields)
        {
            if (line.Length > 0)
            {
                line.Append(',');
            }

            line.Append(Csv(field));
        }

        return line.Append("\r\n").ToString();
    }
}

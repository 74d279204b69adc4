using static BrazeLite.Liquid.Filters.FilterSupport;

namespace BrazeLite.Liquid.Filters;

/// <summary>Liquid's <c>date</c> filter: Ruby's <c>strftime</c> over Liquid's date reading.</summary>
internal static class DateFilters
{
    public static void Register(FilterRegistry filters)
    {
        filters.Add("date", Date, arity: (2, 2));
    }

    private static object? Date(object? input, FilterArguments args, IFilterContext context)
    {
        if (args.Count == 0) throw new LiquidFilterException("date: wrong number of arguments (given 1, expected 2)", "wrong number of arguments (given 1, expected 2)");
        var format = Str(args[0]);
        if (format.Length == 0) return input;
        var date = RubyTime.ToDate(input, context.Now);
        return date is null ? input : RubyTime.Strftime(date.Value, format);
    }
}

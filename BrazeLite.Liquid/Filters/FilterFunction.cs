namespace BrazeLite.Liquid;

/// <summary>A filter: input, arguments, context; returns the new value or throws <see cref="LiquidFilterException"/>.</summary>
public delegate object? FilterFunction(object? input, FilterArguments args, IFilterContext context);

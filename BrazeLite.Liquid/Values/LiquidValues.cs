namespace BrazeLite.Liquid;

// The value model every part of the engine shares. Liquid values are plain .NET objects:
//   nil            -> null
//   true/false     -> bool
//   integer        -> long  (int values from callers are normalised to long by LiquidValues.FromClr)
//   float          -> double
//   string         -> string
//   array          -> IList<object?>
//   hash           -> IDictionary<string, object?> (insertion-ordered; see LiquidValues.FromClr)
//   range (a..b)   -> LiquidRange (never materialised by the engine)
//   date/time      -> DateTimeOffset
// plus the EmptyValue and BlankValue singletons for `empty` and `blank` literals.

/// <summary>
/// The semantics of Liquid values as Shopify Liquid (Ruby) defines them: truthiness, printing,
/// Ruby's <c>inspect</c>, number coercion, equality, ordering, <c>contains</c>, <c>size</c>,
/// <c>empty</c>/<c>blank</c>, and the normalisation of caller data into the value model.
/// </summary>
public static partial class LiquidValues
{
    /// <summary>Liquid truthiness: only <c>nil</c> and <c>false</c> are falsy (0, "" and [] are truthy).</summary>
    public static bool IsTruthy(object? value) => value is not (null or false);
}

using System.Globalization;
using System.Numerics;
using static BrazeLite.Liquid.Filters.FilterSupport;

namespace BrazeLite.Liquid.Filters;

/// <summary>
/// Liquid's math filters. As in Liquid, integers stay integers (division and modulo floor, as Ruby's do) and any float
/// operand switches to exact decimal arithmetic (Ruby's BigDecimal) whose result is returned as a float, so
/// <c>0.1 | plus: 0.2</c> gives <c>0.3</c>.
/// </summary>
internal static class MathFilters
{
    public static void Register(FilterRegistry filters)
    {
        filters.Add("plus", (input, args, _) => Binary(input, Required(args, "plus"), Op.Add), arity: (2, 2));
        filters.Add("minus", (input, args, _) => Binary(input, Required(args, "minus"), Op.Sub), arity: (2, 2));
        filters.Add("times", (input, args, _) => Binary(input, Required(args, "times"), Op.Mul), arity: (2, 2));
        filters.Add("divided_by", (input, args, _) => Binary(input, Required(args, "divided_by"), Op.Div), arity: (2, 2));
        filters.Add("modulo", (input, args, _) => Binary(input, Required(args, "modulo"), Op.Mod), arity: (2, 2));
        filters.Add("abs", (input, _, _) => Abs(Num.From(input)), arity: (1, 1));
        filters.Add("ceil", (input, _, _) => Num.From(input).Ceiling(), arity: (1, 1));
        filters.Add("floor", (input, _, _) => Num.From(input).Floor(), arity: (1, 1));
        filters.Add("round", Round, arity: (1, 2));
        filters.Add("at_least", (input, args, _) =>
        {
            var min = Num.From(Required(args, "at_least"));
            var value = Num.From(input);
            return (Num.Compare(min, value) > 0 ? min : value).ToValue();
        }, arity: (2, 2));
        filters.Add("at_most", (input, args, _) =>
        {
            var max = Num.From(Required(args, "at_most"));
            var value = Num.From(input);
            return (Num.Compare(max, value) < 0 ? max : value).ToValue();
        }, arity: (2, 2));
        filters.Add("sum", Sum, arity: (1, 2));
    }

    private static object? Required(FilterArguments args, string filter) =>
        args.Count == 0 ? throw new LiquidFilterException($"{filter}: wrong number of arguments (given 1, expected 2)", "wrong number of arguments (given 1, expected 2)") : args[0];

    private enum Op { Add, Sub, Mul, Div, Mod }

    private static object Binary(object? input, object? operand, Op op) =>
        input is long a && operand is long b && op is Op.Add or Op.Sub && a is > -(1L << 62) and < 1L << 62 && b is > -(1L << 62) and < 1L << 62
            ? op == Op.Add ? a + b : a - b
            : Num.Apply(Num.From(input), Num.From(operand), op).ToValue();

    private static object Abs(Num n) => n.Kind switch
    {
        NumKind.Integer => n.L == long.MinValue ? -(double)n.L : (object)Math.Abs(n.L),
        NumKind.Decimal => Num.Dec(Math.Abs(n.M)).ToValue(),
        _ => (object)Math.Abs(n.D),
    };

    private static object? Round(object? input, FilterArguments args, IFilterContext context)
    {
        var nArg = args.Count > 0 ? args[0] : 0L;
        var digitsNum = Num.From(nArg);
        var digits = digitsNum.Kind == NumKind.Integer ? digitsNum.L : (long)Math.Truncate(digitsNum.AsDouble());
        var value = Num.From(input);
        var toInteger = nArg is long l0 && l0 == 0 || nArg is double d0 && d0 == 0;
        object result;
        switch (value.Kind)
        {
            case NumKind.Integer:
                result = digits >= 0 ? value.L : RoundInteger(value.L, digits);
                break;
            case NumKind.Decimal:
                {
                    var m = value.M;
                    decimal r;
                    if (digits >= 0) r = Math.Round(m, (int)Math.Min(digits, 28), MidpointRounding.AwayFromZero);
                    else if (digits < -28) r = 0;
                    else
                    {
                        var scale = Pow10((int)-digits);
                        try { r = Math.Round(m / scale, 0, MidpointRounding.AwayFromZero) * scale; }
                        catch (OverflowException) { r = 0; }
                    }
                    result = Num.Dec(r).ToValue();
                    break;
                }
            default:
                {
                    var d = value.D;
                    if (double.IsNaN(d) || double.IsInfinity(d)) throw new LiquidFilterException(LiquidValues.FormatFloat(d));
                    result = digits >= 0 ? Math.Round(d, (int)Math.Min(digits, 15), MidpointRounding.AwayFromZero) : Math.Round(d / Math.Pow(10, -digits), MidpointRounding.AwayFromZero) * Math.Pow(10, -digits);
                    break;
                }
        }
        if (toInteger && result is double rd)
        {
            if (double.IsNaN(rd) || double.IsInfinity(rd)) throw new LiquidFilterException(LiquidValues.FormatFloat(rd));
            return rd is >= long.MinValue and < long.MaxValue ? (object)(long)rd : rd;
        }
        return result;
    }

    private static long RoundInteger(long value, long digits)
    {
        if (digits < -18) return 0;
        var scale = (long)Pow10((int)-digits);
        var q = value / scale;
        var rem = value % scale;
        if (Math.Abs(rem) * 2 >= scale) q += Math.Sign(value);
        try { return checked(q * scale); }
        catch (OverflowException) { throw new LiquidFilterException("round: integer overflow"); }
    }

    private static decimal Pow10(int n)
    {
        decimal r = 1;
        for (var i = 0; i < n; i++) r *= 10;
        return r;
    }

    private static object? Sum(object? input, FilterArguments args, IFilterContext context)
    {
        if (IsEmptyInput(input)) return 0L;
        var property = args.Count > 0 ? args[0] : null;
        var total = Num.Int(0);
        foreach (var item in Iterate(input, context))
        {
            var value = property is null ? item : RespondsToIndex(item) ? Index(item, property) : 0L;
            // Sum flattens again, so an array found under the property contributes its elements.
            if (value is IList<object?> nested)
            {
                foreach (var x in Iterate(nested, context)) total = Num.Apply(total, Num.From(x), Op.Add);
            }
            else total = Num.Apply(total, Num.From(value), Op.Add);
        }
        return total.ToValue();
    }

    private enum NumKind { Integer, Decimal, Float }

    // A Liquid number during arithmetic: Ruby Integer, BigDecimal (here decimal), or a Float that decimal cannot hold.
    private readonly struct Num
    {
        public readonly NumKind Kind;
        public readonly long L;
        public readonly decimal M;
        public readonly double D;

        private Num(NumKind kind, long l, decimal m, double d) { Kind = kind; L = l; M = m; D = d; }

        public static Num Int(long l) => new(NumKind.Integer, l, 0, 0);
        public static Num Dec(decimal m) => new(NumKind.Decimal, 0, m, 0);
        public static Num Flt(double d) => new(NumKind.Float, 0, 0, d);

        public static Num From(object? value) => LiquidValues.ToNumber(value) switch
        {
            long l => Int(l),
            double d => FromDouble(d),
            _ => Int(0),
        };

        private static Num FromDouble(double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d)) return Flt(d);
            if (d == 0) return Dec(0m);
            var abs = Math.Abs(d);
            if (abs >= 7.9e28 || abs < 1e-20) return Flt(d);
            if (abs < 9e15 && d == Math.Floor(d)) return Dec((long)d);
            if (ShortestDecimal.TryGet(d, out var digits, out var scale)) return Dec(ShortestDecimal.ToDecimal(digits, scale));
            // Ruby's BigDecimal(float.to_s): the shortest digits that read back as the same double.
            return decimal.TryParse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
                ? Dec(m) : Flt(d);
        }

        public double AsDouble() => Kind switch
        {
            NumKind.Integer => L,
            NumKind.Decimal => DecimalToDouble(M),
            _ => D,
        };

        // Correctly rounded: mantissa and power of ten are both exact doubles when small enough, and IEEE division rounds once;
        // otherwise through text (decimal's own conversion can be off by one unit in the last place).
        private static double DecimalToDouble(decimal m)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(m, bits);
            var scale = (bits[3] >> 16) & 0xff;
            if (bits[2] == 0 && scale <= 22)
            {
                var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
                if (mantissa < (1UL << 53))
                {
                    var r = mantissa / Pow10Double[scale];
                    return bits[3] < 0 ? -r : r;
                }
            }
            return double.Parse(m.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        private static readonly double[] Pow10Double =
            [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

        private decimal AsDecimal() => Kind == NumKind.Integer ? L : M;

        public object ToValue() => Kind == NumKind.Integer ? (object)L : AsDouble();

        public static int Compare(Num a, Num b)
        {
            if (a.Kind == NumKind.Integer && b.Kind == NumKind.Integer) return a.L.CompareTo(b.L);
            if (a.Kind != NumKind.Float && b.Kind != NumKind.Float) return a.AsDecimal().CompareTo(b.AsDecimal());
            return a.AsDouble().CompareTo(b.AsDouble());
        }

        public static Num Apply(Num a, Num b, Op op)
        {
            if (a.Kind == NumKind.Integer && b.Kind == NumKind.Integer) return IntegerOp(a.L, b.L, op);
            if (a.Kind != NumKind.Float && b.Kind != NumKind.Float)
            {
                var x = a.AsDecimal();
                var y = b.AsDecimal();
                try
                {
                    switch (op)
                    {
                        case Op.Add: return Dec(x + y);
                        case Op.Sub: return Dec(x - y);
                        case Op.Mul: return Dec(x * y);
                        case Op.Div:
                            if (y == 0) return Flt(x == 0 ? double.NaN : x > 0 ? double.PositiveInfinity : double.NegativeInfinity);
                            return Dec(x / y);
                        case Op.Mod:
                            if (y == 0) throw new LiquidFilterException("divided by 0");
                            var r = x % y;
                            if (r != 0 && (r < 0) != (y < 0)) r += y;
                            return Dec(r);
                    }
                }
                catch (OverflowException)
                {
                    // Beyond decimal's range: continue in binary floating point, as the value prints as a float anyway.
                }
            }
            return FloatOp(a.AsDouble(), b.AsDouble(), op);
        }

        private static Num FloatOp(double x, double y, Op op)
        {
            switch (op)
            {
                case Op.Add: return Flt(x + y);
                case Op.Sub: return Flt(x - y);
                case Op.Mul: return Flt(x * y);
                case Op.Div: return Flt(x / y);
                default:
                    if (y == 0) throw new LiquidFilterException("divided by 0");
                    var r = x % y;
                    if (r != 0 && (r < 0) != (y < 0)) r += y;
                    return Flt(r);
            }
        }

        private static Num IntegerOp(long x, long y, Op op)
        {
            try
            {
                switch (op)
                {
                    case Op.Add: return Int(checked(x + y));
                    case Op.Sub: return Int(checked(x - y));
                    case Op.Mul: return Int(checked(x * y));
                    case Op.Div:
                        {
                            if (y == 0) throw new LiquidFilterException("divided by 0");
                            if (x == long.MinValue && y == -1) return Flt(-(double)x);
                            var q = x / y;
                            if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
                            return Int(q);
                        }
                    default:
                        {
                            if (y == 0) throw new LiquidFilterException("divided by 0");
                            if (y == -1) return Int(0);
                            var r = x % y;
                            if (r != 0 && (r < 0) != (y < 0)) r += y;
                            return Int(r);
                        }
                }
            }
            catch (OverflowException)
            {
                // Ruby switches to arbitrary precision; beyond 64 bits the result is carried as a float.
                var big = op switch
                {
                    Op.Add => (BigInteger)x + y,
                    Op.Sub => (BigInteger)x - y,
                    _ => (BigInteger)x * y,
                };
                return Flt((double)big);
            }
        }

        public object Ceiling() => Kind switch
        {
            NumKind.Integer => L,
            NumKind.Decimal => ToLong(Math.Ceiling(M)),
            _ => FloatToLong(Math.Ceiling(D)),
        };

        public object Floor() => Kind switch
        {
            NumKind.Integer => L,
            NumKind.Decimal => ToLong(Math.Floor(M)),
            _ => FloatToLong(Math.Floor(D)),
        };

        private static object ToLong(decimal m) => m is >= long.MinValue and <= long.MaxValue ? (object)(long)m : (double)m;

        private static object FloatToLong(double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d)) throw new LiquidFilterException(LiquidValues.FormatFloat(d));
            return d is >= long.MinValue and < long.MaxValue ? (object)(long)d : d;
        }
    }
}

using System.Globalization;
using System.Text;

namespace BrazeLite.Liquid.Benchmarks;

/// <summary>The templates and data both engines render: the same source text and the same values.</summary>
public static class Scenarios
{
    public const string ProductListTemplate =
        "{% for p in products %}{{ p.title | upcase }} {{ p.price | times: 1.1 | round: 2 }} {{ p.tags | join: ', ' }}\n{% endfor %}";

    /// <summary>
    /// The same loop without arithmetic: DotLiquid's <c>times</c> on a float costs far more than its other filters,
    /// so this shows the comparison without that one filter.
    /// </summary>
    public const string ProductListNoMathTemplate =
        "{% for p in products %}{{ p.title | upcase }} {{ p.price }} {{ p.tags | join: ', ' }}\n{% endfor %}";

    /// <summary>
    /// 100 products. Prices avoid the two places where the engines rightly differ: price × 1.1 never ends in a
    /// half cent (DotLiquid's <c>round</c> rounds half to even, Ruby's half away from zero) and never rounds to a
    /// whole number (Ruby prints a whole float as <c>14.0</c>, DotLiquid as <c>14</c>).
    /// </summary>
    public static List<Dictionary<string, object?>> Products()
    {
        var products = new List<Dictionary<string, object?>>(100);
        for (var i = 1; i <= 100; i++)
        {
            var cents = 999 + i * 137;
            while (cents % 10 == 5 || (11 * cents + 5) % 1000 < 10) cents++;
            products.Add(new Dictionary<string, object?>
            {
                ["title"] = $"Trail runner model {i}",
                ["price"] = cents / 100.0,
                ["tags"] = new List<object?> { "shoes", i % 2 == 0 ? "sale" : "new", $"size-{36 + i % 10}" },
            });
        }
        return products;
    }

    /// <summary>A marketing email of about 5 KB: 20 <c>api_trigger_properties</c> variables and a loop over the order's items.</summary>
    public static readonly string EmailTemplate = BuildEmail();

    public static Dictionary<string, object?> EmailTriggerProperties()
    {
        var items = new List<object?>();
        string[] names = ["Trail runner 2", "Merino socks (3 pack)", "Waterproof jacket", "Insulated bottle", "Head torch"];
        for (var i = 0; i < names.Length; i++)
        {
            items.Add(new Dictionary<string, object?>
            {
                ["name"] = names[i],
                ["sku"] = $"SKU-{1000 + i}",
                ["quantity"] = i % 3 + 1,
                ["price"] = 12.35 + i * 7.1,
                ["url"] = $"https://shop.example.com/p/{1000 + i}",
                ["image_url"] = $"https://cdn.example.com/img/{1000 + i}.jpg",
            });
        }
        return new Dictionary<string, object?>
        {
            ["first_name"] = "ada",
            ["last_name"] = "Lovelace",
            ["email"] = "ada@example.com",
            ["city"] = "London",
            ["country"] = "United Kingdom",
            ["order_id"] = "BL-20931",
            ["order_total"] = 142.35,
            ["currency"] = "GBP",
            ["discount_code"] = "thanks15",
            ["discount_percent"] = 15,
            ["expires_on"] = "30 November",
            ["store_name"] = "Northside Outdoor & Co",
            ["store_url"] = "https://shop.example.com",
            ["support_email"] = "help@example.com",
            ["unsubscribe_url"] = "https://shop.example.com/unsubscribe?u=ada",
            ["loyalty_tier"] = "gold",
            ["points"] = 1250,
            ["next_tier"] = "platinum",
            ["points_needed"] = 750,
            ["hero_image_url"] = "https://cdn.example.com/hero/autumn.jpg",
            ["items"] = items,
        };
    }

    private static string BuildEmail()
    {
        const string head = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Your order {{ api_trigger_properties.order_id }} from {{ api_trigger_properties.store_name | escape }}</title>
              <style>
                body { margin: 0; padding: 0; background: #f4f4f7; font-family: Helvetica, Arial, sans-serif; color: #333333; }
                .wrapper { width: 100%; background: #f4f4f7; padding: 24px 0; }
                .content { max-width: 600px; margin: 0 auto; background: #ffffff; border-radius: 6px; overflow: hidden; }
                .hero img { display: block; width: 100%; height: auto; }
                .inner { padding: 24px 32px; }
                h1 { font-size: 22px; margin: 0 0 12px; }
                p { font-size: 15px; line-height: 22px; margin: 0 0 12px; }
                table.items { width: 100%; border-collapse: collapse; margin: 16px 0; }
                table.items td { padding: 8px 4px; border-bottom: 1px solid #eaeaec; font-size: 14px; vertical-align: middle; }
                .button { display: inline-block; background: #0b6e4f; color: #ffffff; padding: 12px 20px; border-radius: 4px; text-decoration: none; }
                .badge { display: inline-block; padding: 2px 8px; border-radius: 10px; background: #ffd166; font-size: 12px; }
                .footer { padding: 16px 32px; font-size: 12px; color: #888888; }
              </style>
            </head>
            <body>
              <div class="wrapper">
                <div class="content">
                  <div class="hero"><img src="{{ api_trigger_properties.hero_image_url }}" alt="Autumn at {{ api_trigger_properties.store_name | escape }}" width="600"></div>
                  <div class="inner">
                    <h1>Thanks for your order, {{ api_trigger_properties.first_name | capitalize }}!</h1>
                    <p>Hi {{ api_trigger_properties.first_name | capitalize }} {{ api_trigger_properties.last_name }}, we have received order
                      <strong>{{ api_trigger_properties.order_id }}</strong> and it is being packed in our warehouse near
                      {{ api_trigger_properties.city }}. A confirmation has been sent to {{ api_trigger_properties.email }}.</p>
                    <p>You ordered {{ api_trigger_properties.items | size }} items:</p>
                    <table class="items" role="presentation">
                      {% for item in api_trigger_properties.items %}
                      <tr class="{% cycle 'odd', 'even' %}">
                        <td width="64"><a href="{{ item.url }}?utm_source=email&amp;utm_campaign=order"><img src="{{ item.image_url }}" alt="{{ item.name | escape }}" width="56" height="56"></a></td>
                        <td><a href="{{ item.url }}">{{ item.name | escape }}</a><br><span style="color:#888888">{{ item.sku }}</span></td>
                        <td align="center">&times; {{ item.quantity }}</td>
                        <td align="right">{{ item.price | times: item.quantity | round: 2 }} {{ api_trigger_properties.currency }}</td>
                      </tr>
                      {% endfor %}
                    </table>
                    <p style="text-align:right"><strong>Total: {{ api_trigger_properties.order_total }} {{ api_trigger_properties.currency }}</strong></p>
            """;
        const string tail = """
                    {% if api_trigger_properties.loyalty_tier == 'gold' %}
                    <p><span class="badge">{{ api_trigger_properties.loyalty_tier | upcase }}</span> You now have {{ api_trigger_properties.points }} points.
                      Only {{ api_trigger_properties.points_needed }} more to reach {{ api_trigger_properties.next_tier | capitalize }}
                      ({{ api_trigger_properties.points | plus: api_trigger_properties.points_needed }} points in all).</p>
                    {% elsif api_trigger_properties.loyalty_tier == 'silver' %}
                    <p><span class="badge">SILVER</span> You have {{ api_trigger_properties.points }} points.</p>
                    {% else %}
                    <p>Join our loyalty club to collect points on every order.</p>
                    {% endif %}
                    <p>As a thank-you, here is {{ api_trigger_properties.discount_percent }}% off your next order with the code
                      <strong>{{ api_trigger_properties.discount_code | upcase }}</strong>, valid until {{ api_trigger_properties.expires_on }}.</p>
                    <p style="text-align:center;margin:24px 0">
                      <a class="button" href="{{ api_trigger_properties.store_url }}/account/orders/{{ api_trigger_properties.order_id | url_encode }}">Track your order</a>
                    </p>
                    <p>We deliver to {{ api_trigger_properties.country }} within three working days. If anything is not right, write to
                      <a href="mailto:{{ api_trigger_properties.support_email }}">{{ api_trigger_properties.support_email }}</a> and quote
                      {{ api_trigger_properties.order_id }}.</p>
                    <p>Happy trails,<br>The {{ api_trigger_properties.store_name | escape }} team</p>
                  </div>
                  <div class="footer">
                    <p>You receive this email because you placed an order at {{ api_trigger_properties.store_name | escape }} ({{ api_trigger_properties.store_url }}).
                      Sent to {{ api_trigger_properties.email }}, {{ api_trigger_properties.city }}, {{ api_trigger_properties.country }}.</p>
                    <p><a href="{{ api_trigger_properties.unsubscribe_url }}">Unsubscribe</a> from marketing emails &middot;
                      <a href="{{ api_trigger_properties.store_url }}/privacy">Privacy policy</a> &middot;
                      <a href="{{ api_trigger_properties.store_url }}/help">Help centre</a></p>
                  </div>
                </div>
              </div>
            </body>
            </html>
            """;
        var sb = new StringBuilder(head.Length + tail.Length + 1024);
        sb.Append(head).Append('\n');
        // Padding copy (no Liquid) so the email weighs about 5 KB like a real one.
        sb.Append("""
                    <p style="color:#666666">Every pair of shoes we sell is tested on our own trails first. Our team walks, runs and
                      climbs in them through a whole season before they reach the shop, so you can be sure they last.</p>
            """).Append('\n');
        sb.Append(tail);
        return sb.ToString();
    }

    internal static string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"email template: {EmailTemplate.Length} characters");
}

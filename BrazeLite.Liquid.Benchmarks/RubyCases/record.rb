# Records what Ruby Liquid renders for each assert_template_result case of its own integration tests, for
# `dotnet run -c Release --project BrazeLite.Liquid.Benchmarks -- --ruby-cases cases.json`.
#
#   ruby BrazeLite.Liquid.Benchmarks/RubyCases/record.rb PATH/TO/Shopify-liquid cases.json
#
# Needs Ruby 3.1+ with minitest and a checkout of Shopify/liquid (5.13.0 was measured). Cases whose variables or
# partials are not plain JSON (Ruby drops, procs, symbols) are left out. Runs nothing but the checkout's own tests.
require "strscan"
require "json"

class StringScanner
  # Liquid 5.13 reads bytes with strscan 3.1's methods; Ruby 3.1 ships strscan 3.0.
  unless method_defined?(:peek_byte)
    def peek_byte = eos? ? nil : string.getbyte(pos)

    def scan_byte
      return nil if eos?

      byte = string.getbyte(pos)
      self.pos += 1
      byte
    end
  end
end

liquid, out = ARGV
abort "usage: record.rb PATH/TO/Shopify-liquid OUT.json" unless liquid && out
$LOAD_PATH.unshift(File.join(liquid, "lib"), File.join(liquid, "test"))
require "test_helper"

$cases = []

def json_clean?(value, depth = 0)
  return false if depth > 20

  case value
  when Hash then value.all? { |k, v| k.is_a?(String) && json_clean?(v, depth + 1) }
  when Array then value.all? { |v| json_clean?(v, depth + 1) }
  when String, Integer, TrueClass, FalseClass, NilClass then true
  when Float then value.finite?
  else false
  end
end

module RecordCases
  def assert_template_result(expected, template, assigns = {}, message: nil, partials: nil,
    error_mode: Liquid::Environment.default.error_mode, render_errors: false, template_factory: nil)
    super
    if template.is_a?(String) && json_clean?(assigns) && (partials.nil? || json_clean?(partials)) && template_factory.nil?
      $cases << { "test" => name, "template" => template, "env" => assigns, "partials" => partials || {},
                  "mode" => (error_mode || :strict).to_s, "render_errors" => render_errors, "expected" => expected }
    end
  end
end
Minitest::Test.prepend(RecordCases)

Minitest.after_run do
  File.write(out, JSON.generate($cases))
  warn "recorded #{$cases.size} cases in #{out}"
end
# expression_test needs the lru_redux gem; the others need nothing beyond minitest.
Dir[File.join(liquid, "test/integration/**/*_test.rb")].sort.each { |f| require f unless f.end_with?("expression_test.rb") }

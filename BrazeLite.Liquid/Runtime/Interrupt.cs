using System.Text;

namespace BrazeLite.Liquid.Runtime;

internal enum Interrupt { None, Break, Continue }

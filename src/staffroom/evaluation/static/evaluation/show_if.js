// Shows a conditional question only while its REDCap "show if" logic holds, as the
// server judges it on submit (evaluation/surveys.py: show_if_met, _Evaluator,
// visible_items): this is a line-by-line port, so both agree on every answer. Without
// this script every question shows with its condition in words, as before.
(function () {
  "use strict";

  // logic.py's _TOKEN; the groups are number, string, open_string, op, ref, word, other.
  var TOKEN =
    /\s*(?:(\d+(?:\.\d+)?|\.\d+)|('[^']*'|"[^"]*")|(['"])|(<>|!=|<=|>=|==|=|<|>|\+|-|\*|\/|\^|\(|\)|,|&&|\|\|)|(\[)|([A-Za-z_][A-Za-z0-9_]*)|(\S))/y;
  var KINDS = ["number", "string", "open", "op", "ref", "word", "other"];
  var FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|inf(?:inity)?|nan)$/;

  function tokens(text) {
    var found = [], at = 0, match, group, kind, end, next;
    while (at < text.length) {
      TOKEN.lastIndex = at;
      match = TOKEN.exec(text);
      if (!match) break; // only trailing spaces left
      at = TOKEN.lastIndex;
      group = match.slice(1).findIndex(function (value) { return value !== undefined; });
      kind = KINDS[group];
      if (kind === "open" || kind === "other") throw Error(kind);
      if (kind === "ref") {
        end = text.indexOf("]", at);
        next = text.indexOf("[", at);
        if (end < 0 || (next >= 0 && next < end)) throw Error("ref");
        found.push(["ref", text.slice(at, end).trim()]);
        at = end + 1;
      } else {
        found.push([kind, match[group + 1]]);
      }
    }
    return found;
  }

  // Python's float() of text, which also takes "1_000", " 2 ", "1e3", "inf" and "nan".
  function number(value) {
    if (typeof value === "number") return value;
    if (typeof value === "boolean") return +value;
    var plain = String(value).trim().toLowerCase().replace(/(\d)_(?=\d)/g, "$1");
    if (!FLOAT.test(plain)) return null;
    if (/inf/.test(plain)) return plain[0] === "-" ? -Infinity : Infinity;
    return /nan/.test(plain) ? NaN : parseFloat(plain);
  }

  function truthy(value) {
    return typeof value === "number" ? value !== 0 : !!value; // Python: nan is true
  }

  // Python's str() of a value, as far as a comparison can tell.
  function asText(value) {
    return typeof value === "boolean" ? (value ? "True" : "False") : String(value);
  }

  function evaluate(list, answers) {
    var at = 0;
    function peek() { return list[at] || [null, null]; }
    function is() {
      var token = peek();
      if (token[0] !== "op" && token[0] !== "word") return false;
      return Array.prototype.indexOf.call(arguments, token[1].toLowerCase()) >= 0;
    }
    function take() {
      if (at >= list.length) throw Error("end");
      return list[at++];
    }
    function expression() {
      var value = conjunction();
      while (is("or", "||")) {
        take();
        var right = conjunction(); // both sides always run, as on the server
        value = truthy(value) || truthy(right);
      }
      return value;
    }
    function conjunction() {
      var value = comparison();
      while (is("and", "&&")) {
        take();
        var right = comparison();
        value = truthy(value) && truthy(right);
      }
      return value;
    }
    function comparison() {
      var left = arithmetic();
      if (!is("=", "==", "<>", "!=", "<", "<=", ">", ">=")) return left;
      var operator = take()[1], right = arithmetic();
      var a = number(left), b = number(right), both = a !== null && b !== null;
      var equal = both ? a === b : asText(left) === asText(right);
      if (operator === "=" || operator === "==") return equal;
      if (operator === "<>" || operator === "!=") return !equal;
      if (!both) return false;
      return { "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b }[operator];
    }
    function arithmetic() {
      var value = operand();
      while (is("+", "-", "*", "/")) {
        var operator = take()[1], right = operand();
        var a = number(value), b = number(right);
        if (a === null || b === null) return "";
        value = operator === "+" ? a + b : operator === "-" ? a - b : operator === "*" ? a * b
          : b !== 0 ? a / b : 0;
      }
      return value;
    }
    function operand() {
      var token = take(), kind = token[0], value = token[1];
      if (kind === "op" && value === "-") {
        var inner = number(operand());
        return inner === null ? "" : -inner;
      }
      if (kind === "op" && value === "(") {
        var result = expression();
        if (!is(")")) throw Error("(");
        take();
        return result;
      }
      if (kind === "number") return parseFloat(value);
      if (kind === "string") return value.slice(1, -1);
      if (kind === "ref") return reference(value);
      throw Error("unsupported");
    }
    function reference(ref) {
      var cut = ref.indexOf("("), name = cut < 0 ? ref : ref.slice(0, cut);
      var code = cut < 0 ? "" : ref.slice(cut + 1), answer = answers.get(name.trim());
      if (code) {
        var ticked = Array.isArray(answer) && answer.indexOf(code.replace(/\)+$/, "").trim()) >= 0;
        return ticked ? "1" : "0";
      }
      return answer === undefined || Array.isArray(answer) ? "" : answer;
    }
    var value = expression();
    if (at !== list.length) throw Error("unsupported");
    return value;
  }

  // show_if_met: logic it cannot follow shows the question.
  function shown(logic, answers) {
    if (!logic.trim()) return true;
    try {
      return truthy(evaluate(tokens(logic), answers));
    } catch (error) {
      return true;
    }
  }

  // What AnswerForm.answers() would keep of a question: stripped text, a number,
  // the ticked codes; nothing when unanswered.
  function answer(wrapper) {
    var ticked = [], value;
    wrapper.querySelectorAll("input, textarea, select").forEach(function (field) {
      if (field.type === "checkbox") {
        if (field.checked) ticked.push(field.value);
      } else if (field.type !== "radio" || field.checked) {
        value = field.value.trim();
        if (value && field.type === "number") value = Number(value);
      }
    });
    return ticked.length ? ticked : value === "" ? undefined : value;
  }

  // visible_items: in order; a hidden question counts as unanswered for later ones.
  function update(form) {
    var seen = new Map();
    form.querySelectorAll("[data-item]").forEach(function (wrapper) {
      var show = shown(wrapper.getAttribute("data-show-if") || "", seen);
      wrapper.hidden = !show;
      var value = answer(wrapper);
      if (show && value !== undefined) seen.set(wrapper.getAttribute("data-item"), value);
    });
  }

  document.querySelectorAll("form").forEach(function (form) {
    // Once per form, should a page bring this script in twice (an htmx swap, say).
    if (form.showIfWatched || !form.querySelector("[data-show-if]")) return;
    form.showIfWatched = true;
    var again = function () { update(form); };
    form.addEventListener("input", again);
    form.addEventListener("change", again);
    window.addEventListener("pageshow", again); // answers the browser restored
    again();
  });
})();

// A whole-number scale drawn as the browser's own range input, so screen readers
// announce its name and value and the arrow keys move it. The number beside it shows
// the value the form holds, even one outside the range (the form then explains).
let made = 0;

function render({ model, el }) {
  made += 1;
  const id = `sb-rating-${made}-${Math.random().toString(36).slice(2, 8)}`;
  const row = document.createElement("div");
  row.className = "sb-rating";
  const label = document.createElement("label");
  label.className = "sb-rating-label";
  label.htmlFor = id;
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  // The arrow keys belong to the slider: JupyterLab would otherwise take them as its own
  // shortcuts (moving between headings) whenever the notebook is in command mode.
  input.setAttribute("data-lm-suppress-shortcuts", "true");
  const shown = document.createElement("output");
  shown.className = "sb-rating-value";
  shown.htmlFor = id;
  row.append(label, input, shown);
  el.append(row);

  function draw() {
    const description = model.get("description");
    label.textContent = description;
    label.style.display = description ? "" : "none";
    label.style.width = model.get("description_width") || "";
    if (description) {
      input.removeAttribute("aria-label");
    } else {
      input.setAttribute("aria-label", model.get("aria_label"));
    }
    input.min = model.get("min");
    input.max = model.get("max");
    input.step = model.get("step");
    input.value = model.get("value");
    input.disabled = model.get("disabled");
    shown.textContent = model.get("value");
  }

  function send() {
    model.set("value", Number(input.value));
    model.save_changes();
  }

  input.addEventListener("input", () => {
    shown.textContent = input.value;
    if (model.get("continuous_update")) send();
  });
  input.addEventListener("change", send);
  model.on("change", draw);
  draw();
  return () => model.off("change", draw);
}

export default { render };

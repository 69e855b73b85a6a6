// Copy buttons: <button data-copy="text"> puts the text on the clipboard and says so.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  try {
    await navigator.clipboard.writeText(button.dataset.copy);
    const status = document.getElementById(button.getAttribute("aria-controls"));
    if (status) status.textContent = button.dataset.copied || "Copiado";
  } catch {
    // Without clipboard access the folio stays on screen to be read out.
  }
});

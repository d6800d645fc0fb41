document.body.textContent = 'Linecast';

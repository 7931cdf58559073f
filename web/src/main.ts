document.getElementById('app')!.textContent = 'Vaporform';

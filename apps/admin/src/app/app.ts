import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

@Component({
  imports: [RouterOutlet],
  selector: 'sol-root',
  template: '<router-outlet />',
  styleUrl: './app.css',
})
export class App {}

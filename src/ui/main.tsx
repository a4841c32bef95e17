// Entry point: styles, services, and the app.
import { render } from 'preact';
import './styles.css';
import { App } from './App';
import { createServices } from './boot';
import { ServicesContext } from './services';

const services = createServices();
render(
  <ServicesContext.Provider value={services}>
    <App />
  </ServicesContext.Provider>,
  document.getElementById('app')!,
);

import { ModuleRegistry, AllCommunityModule } from 'ag-grid-community';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';

ModuleRegistry.registerModules([AllCommunityModule]);

createRoot(document.getElementById('root')!).render(<App />);

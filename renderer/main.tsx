import { createRoot } from 'react-dom/client';
import { createClient } from '../src/contract/client';
import { createSanitizer } from '../src/markdown/sanitize';
import { App } from './App';
import { pickTransport } from './host/transports';
import './styles.css';

const client = createClient(pickTransport());
const sanitize = createSanitizer(window);

createRoot(document.getElementById('root')!).render(<App client={client} sanitize={sanitize} />);

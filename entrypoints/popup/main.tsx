import { render } from 'preact';
import '../../components/extension-page.css';
import '../../components/popup/popup.css';
import '../../components/figures/figures.css';
import { PopupApp } from '../../components/popup/PopupApp';

render(<PopupApp search={location.search} />, document.getElementById('app')!);

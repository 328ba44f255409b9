import { render } from 'preact';
import '../../components/extension-page.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/OptionsApp';

render(<OptionsApp />, document.getElementById('app')!);
